namespace Talkover.Application.Abstractions;

/// <summary>An event as the outbox stores it: its id, whose it is, its type and the exact body receivers get.</summary>
public sealed record OutboxEvent(Guid Id, Guid EnvironmentId, string Type, DateTime CreatedAt, string Body);
