using System.Text.Json.Serialization;

namespace Talkover.Application.Webhooks;

/// <summary>A webhook just created, with its signing secret: the only time the secret is shown.</summary>
public sealed record CreatedWebhookDto : WebhookDto
{
    // Serializers write a derived type's own members first; the secret belongs after the webhook's fields.
    [JsonPropertyOrder(1)]
    public string Secret { get; init; } = "";
}
