using System.Text.Json;
using Talkover.Api.Idempotency;
using Talkover.Application.Webhooks.CreateWebhook;

namespace Talkover.Api.Webhooks;

/// <summary>
/// Marks an action whose body's <c>url</c> is checked (its DNS lookup) before a keyed request's transaction opens:
/// a slow or hostile name server then holds no write lock (see <see cref="WebhookUrlVerdicts"/>). A body without a
/// usable <c>url</c> is left to the action's own validation.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PrecheckWebhookUrlAttribute : Attribute, IKeyedRequestPrecheck
{
    public async Task RunAsync(HttpContext context, byte[] body)
    {
        if (Url(body) is { } url)
        {
            await context.RequestServices.GetRequiredService<WebhookUrlVerdicts>().PrecheckAsync(url, context.RequestAborted);
        }
    }

    private static Uri? Url(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("url", out var url)
                && url.ValueKind == JsonValueKind.String
                && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri)
                ? uri
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
