namespace Talkover.Application.Webhooks;

/// <summary>One event's delivery to one webhook: where it stands, and what the receiver last answered.</summary>
public sealed record WebhookDeliveryDto
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public string EventType { get; init; } = "";

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c>.</summary>
    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public int? LastStatusCode { get; init; }

    /// <summary>At most 1 KiB: the start of the receiver's answer, or why no answer came.</summary>
    public string? LastError { get; init; }

    /// <summary>While pending: when the next attempt is due.</summary>
    public DateTime? NextAttemptAt { get; init; }

    public DateTime? DeliveredAt { get; init; }

    public DateTime CreatedAt { get; init; }
}
