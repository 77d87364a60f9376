using Talkover.Application.Abstractions;

namespace Talkover.Application.Diagnostics;

/// <summary>Counts every delivery attempt in <c>talkover.webhooks.deliveries</c>, tagged by outcome (delivered, retrying, failed).</summary>
public sealed class WebhookDeliveryMetrics(TalkoverMetrics metrics) : IWebhookDeliveryObserver
{
    public void Attempted(string outcome, int? statusCode, TimeSpan duration) =>
        metrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
