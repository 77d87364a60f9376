namespace Talkover.Application.Webhooks;

/// <summary>A webhook as its environment sees it; never with its secret.</summary>
public record WebhookDto
{
    public Guid Id { get; init; }

    public string Url { get; init; } = "";

    public IReadOnlyList<string> Events { get; init; } = [];

    public string? Description { get; init; }

    public DateTime CreatedAt { get; init; }
}
