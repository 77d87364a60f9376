namespace Talkover.Domain.Environments;

/// <summary>An environment token as stored: only its SHA-256 hash, never the secret.</summary>
public sealed record EnvironmentToken(Guid Id, Guid EnvironmentId, string TokenHash, DateTime CreatedAt, DateTime? RevokedAt);
