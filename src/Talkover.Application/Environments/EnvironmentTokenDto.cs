namespace Talkover.Application.Environments;

/// <summary>An environment token as support staff see it: when it was issued, last accepted and revoked; never the token itself.</summary>
public sealed record EnvironmentTokenDto
{
    public Guid Id { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? LastUsedAt { get; init; }

    public DateTime? RevokedAt { get; init; }
}
