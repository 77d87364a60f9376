namespace Talkover.Application.Agents;

/// <summary>An agent row as the read side loads it.</summary>
public sealed record AgentReadModel
{
    public Guid Id { get; init; }

    public Guid EnvironmentId { get; init; }

    public string Name { get; init; } = "";

    public string? Label { get; init; }

    public string Language { get; init; } = "";

    public string Direction { get; init; } = "";

    public string CurrentStatus { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public IReadOnlyList<AgentPhoneNumberReadModel> PhoneNumbers { get; init; } = [];
}
