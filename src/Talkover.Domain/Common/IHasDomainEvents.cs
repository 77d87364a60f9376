namespace Talkover.Domain.Common;

/// <summary>An aggregate that records what happened to it until the change is stored.</summary>
public interface IHasDomainEvents
{
    /// <summary>The events recorded since it was loaded or last cleared, oldest first.</summary>
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
