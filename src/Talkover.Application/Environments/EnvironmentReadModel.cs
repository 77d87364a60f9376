namespace Talkover.Application.Environments;

/// <summary>An environment row as the read side loads it.</summary>
public sealed record EnvironmentReadModel
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string PlanName { get; init; } = "";

    public DateTime CreatedAt { get; init; }
}
