using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Webhooks;

/// <summary>Webhook secrets, encrypted at rest with the service's Data Protection key ring (shared by every instance through the database).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider dataProtection) : IWebhookSecrets
{
    public const string Purpose = "Talkover.Webhooks.Secret";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public IssuedWebhookSecret Issue()
    {
        var secret = IWebhookSecrets.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return new IssuedWebhookSecret(secret, _protector.Protect(secret));
    }

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
