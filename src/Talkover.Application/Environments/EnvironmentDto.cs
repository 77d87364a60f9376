namespace Talkover.Application.Environments;

/// <summary>An environment as support staff see it in a list; never a token or its hash.</summary>
public record EnvironmentDto
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string Plan { get; init; } = "";

    public DateTime CreatedAt { get; init; }
}
