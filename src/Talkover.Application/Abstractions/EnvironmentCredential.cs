namespace Talkover.Application.Abstractions;

/// <summary>Who an environment token belongs to.</summary>
public sealed record EnvironmentCredential(Guid TokenId, Guid EnvironmentId, string Plan);
