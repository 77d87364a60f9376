namespace Talkover.Application.Webhooks;

/// <summary>A delivery row as the read side loads it.</summary>
public sealed record WebhookDeliveryReadModel
{
    public Guid Id { get; init; }

    public Guid WebhookId { get; init; }

    public Guid EventId { get; init; }

    public string EventType { get; init; } = "";

    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public int? LastStatusCode { get; init; }

    public string? LastError { get; init; }

    public DateTime? NextAttemptAt { get; init; }

    public DateTime? DeliveredAt { get; init; }

    public DateTime CreatedAt { get; init; }
}
