using System.Text.Json;
using Talkover.Application.Abstractions;
using Talkover.Application.Webhooks;

namespace Talkover.Infrastructure.Tests.Support;

/// <summary>The host's event serializer for tests without the API: snake_case JSON.</summary>
internal sealed class TestEventSerializer : IWebhookEventSerializer
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Serialize(WebhookEventBody body) => JsonSerializer.Serialize(body, Options);
}
