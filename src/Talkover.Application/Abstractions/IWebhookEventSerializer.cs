using Talkover.Application.Webhooks;

namespace Talkover.Application.Abstractions;

/// <summary>Writes an event body as JSON exactly as the API writes its responses (names, timestamps, omitted fields).</summary>
public interface IWebhookEventSerializer
{
    string Serialize(WebhookEventBody body);
}
