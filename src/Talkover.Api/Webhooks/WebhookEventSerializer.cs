using System.Text.Json;
using Talkover.Api.Http;
using Talkover.Application.Abstractions;
using Talkover.Application.Webhooks;

namespace Talkover.Api.Webhooks;

/// <summary>Event bodies in the API's own JSON: the release request reads exactly as <c>GET …/release-requests/{id}</c> shows it.</summary>
public sealed class WebhookEventSerializer : IWebhookEventSerializer
{
    private static readonly JsonSerializerOptions Options = Create();

    public string Serialize(WebhookEventBody body) => JsonSerializer.Serialize(body, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonDefaults.Apply(options);
        return options;
    }
}
