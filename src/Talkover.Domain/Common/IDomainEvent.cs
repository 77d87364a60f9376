namespace Talkover.Domain.Common;

/// <summary>Something that happened to an aggregate, recorded by the aggregate itself and stored with its change.</summary>
public interface IDomainEvent
{
    /// <summary>Unique per event; receivers of notifications deduplicate by it.</summary>
    Guid Id { get; }

    DateTime OccurredAt { get; }
}
