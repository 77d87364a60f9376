namespace Talkover.Application.Agents;

public sealed record AgentDto
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string? Label { get; init; }

    public string Language { get; init; } = "";

    public string Direction { get; init; } = "";

    public string CurrentStatus { get; init; } = "";

    public IReadOnlyList<AgentPhoneNumberDto> PhoneNumbers { get; init; } = [];

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}
