using System.Security.Cryptography;
using System.Text;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Webhooks;

/// <summary>
/// Signatures as the Standard Webhooks specification defines them: <c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the base64-decoded part of the secret after <c>whsec_</c>.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        if (!secret.StartsWith(IWebhookSecrets.Prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a webhook secret.", nameof(secret));
        }

        var key = Convert.FromBase64String(secret[IWebhookSecrets.Prefix.Length..]);
        var signed = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(signed);
    }
}
