namespace Talkover.Application.Abstractions;

/// <summary>Webhook signing secrets: issued once, kept only encrypted, decrypted only to sign.</summary>
public interface IWebhookSecrets
{
    /// <summary>Every webhook secret starts with this.</summary>
    public const string Prefix = "whsec_";

    /// <summary>A new secret (<c>whsec_</c> and base64 of 32 random bytes) and its encrypted form, the only one stored.</summary>
    IssuedWebhookSecret Issue();

    /// <summary>The secret behind its encrypted form.</summary>
    string Unprotect(string protectedSecret);
}
