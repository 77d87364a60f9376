namespace Talkover.Application.Webhooks;

/// <summary>A webhook row as the read side loads it (never its secret).</summary>
public sealed record WebhookReadModel
{
    public Guid Id { get; init; }

    public Guid EnvironmentId { get; init; }

    public string Url { get; init; } = "";

    /// <summary>The subscribed event types, comma-separated.</summary>
    public string Events { get; init; } = "";

    public string? Description { get; init; }

    public DateTime CreatedAt { get; init; }
}
