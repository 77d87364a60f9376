namespace Talkover.Application.Abstractions;

/// <summary>A freshly issued webhook secret, shown once, and its encrypted form, the only one stored.</summary>
public sealed record IssuedWebhookSecret(string Secret, string Protected);
