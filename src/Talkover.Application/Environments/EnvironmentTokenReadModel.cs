namespace Talkover.Application.Environments;

/// <summary>An environment token row as the read side loads it: no hash.</summary>
public sealed record EnvironmentTokenReadModel
{
    public Guid Id { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? LastUsedAt { get; init; }

    public DateTime? RevokedAt { get; init; }
}
