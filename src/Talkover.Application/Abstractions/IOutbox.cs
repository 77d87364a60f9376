namespace Talkover.Application.Abstractions;

/// <summary>
/// The transactional outbox: events stored in the transaction of the change they report, each with one
/// pending delivery per webhook of its environment subscribed to its type; a dispatcher sends them later.
/// </summary>
public interface IOutbox
{
    /// <summary>Stores the event and its deliveries; returns how many deliveries it queued.</summary>
    Task<int> AddAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken);
}
