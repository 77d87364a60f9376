using Talkover.Application.Abstractions;

namespace Talkover.Application.Events;

/// <summary>The default <see cref="IWebhookDeliveryObserver"/>: outcomes are recorded in the deliveries themselves, and nowhere else.</summary>
public sealed class NoWebhookDeliveryObserver : IWebhookDeliveryObserver
{
    public void Attempted(string outcome, int? statusCode, TimeSpan duration)
    {
    }
}
