namespace Talkover.Infrastructure.Webhooks;

/// <summary>How one attempt ended, as the delivery records it.</summary>
public sealed record DeliveryOutcome(string Status, int RetryStep, DateTime? NextAttemptAt, int? StatusCode, string? Error, DateTime? DeliveredAt);
