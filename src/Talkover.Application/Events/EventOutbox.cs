using AutoMapper;
using Talkover.Application.Abstractions;
using Talkover.Application.ReleaseRequests;
using Talkover.Application.Webhooks;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Webhooks;

namespace Talkover.Application.Events;

/// <summary>
/// A command's domain events on their way to the outbox. Repositories hand over each aggregate they store;
/// the transaction behaviour stores the aggregates' events in the command's transaction just before it
/// commits (so a rolled-back change leaves none), and wakes the dispatcher once the commit is done.
/// One per request scope.
/// </summary>
public sealed class EventOutbox(IOutbox outbox, IWebhookEventSerializer serializer, IMapper mapper, IWebhookDispatchSignal dispatch)
{
    private readonly List<IHasDomainEvents> _tracked = [];
    private bool _dispatchDue;

    /// <summary>An aggregate whose changes are being stored; its events go out if the transaction commits.</summary>
    public void Track(IHasDomainEvents aggregate)
    {
        if (!_tracked.Contains(aggregate))
        {
            _tracked.Add(aggregate);
        }
    }

    /// <summary>Deliveries were queued again outside of any event: the dispatcher is woken after the commit.</summary>
    public void DispatchAfterCommit() => _dispatchDue = true;

    /// <summary>Stores the tracked aggregates' events in the open transaction, and forgets them.</summary>
    public async Task StoreAsync(CancellationToken cancellationToken)
    {
        var events = _tracked.SelectMany(aggregate => aggregate.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
        foreach (var aggregate in _tracked)
        {
            aggregate.ClearDomainEvents();
        }

        _tracked.Clear();
        foreach (var domainEvent in events)
        {
            if (ToOutbox(domainEvent) is { } outboxEvent && await outbox.AddAsync(outboxEvent, cancellationToken) > 0)
            {
                _dispatchDue = true;
            }
        }
    }

    /// <summary>The transaction rolled back: its events never happened.</summary>
    public void Discard()
    {
        foreach (var aggregate in _tracked)
        {
            aggregate.ClearDomainEvents();
        }

        _tracked.Clear();
        _dispatchDue = false;
    }

    /// <summary>The transaction committed: the dispatcher is woken if it has something new to send.</summary>
    public void Committed()
    {
        if (_dispatchDue)
        {
            _dispatchDue = false;
            dispatch.Notify();
        }
    }

    private OutboxEvent? ToOutbox(IDomainEvent domainEvent) => domainEvent switch
    {
        ReleaseRequestStatusChanged change => Body(change.Id, change.Request.EnvironmentId, WebhookEventTypes.Of(change), change.OccurredAt,
            mapper.Map<ReleaseRequestDto>(change.Request)),
        _ => null,
    };

    private OutboxEvent Body(Guid id, Guid environmentId, string type, DateTime occurredAt, ReleaseRequestDto data) =>
        new(id, environmentId, type, occurredAt, serializer.Serialize(new WebhookEventBody(id, type, occurredAt, data)));
}
