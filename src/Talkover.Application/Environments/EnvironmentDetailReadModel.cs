namespace Talkover.Application.Environments;

/// <summary>One environment with its tokens and the counts of what it holds, as the read side loads them.</summary>
public sealed record EnvironmentDetailReadModel
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string PlanName { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public IReadOnlyList<EnvironmentTokenReadModel> Tokens { get; init; } = [];

    public long ActivePhoneNumbers { get; init; }

    public long PendingReleaseRequests { get; init; }
}
