using Talkover.Domain.Common;

namespace Talkover.Domain.ReleaseRequests;

/// <summary>
/// A customer's request to give a phone number back, its review outcome, and every change of its status.
/// Each change is also recorded as a <see cref="ReleaseRequestStatusChanged"/> event, stored with it.
/// </summary>
public sealed class ReleaseRequest : IHasDomainEvents
{
    private readonly List<ReleaseRequestStatusChange> _history;
    private readonly List<IDomainEvent> _events = [];

    private ReleaseRequest(
        Guid id,
        Guid environmentId,
        Guid phoneNumberId,
        string phoneNumber,
        string reason,
        string status,
        DateTime requestedAt,
        DateTime? resolvedAt,
        string? resolutionNote,
        IEnumerable<ReleaseRequestStatusChange> history)
    {
        _history = [.. history];
        Id = id;
        EnvironmentId = environmentId;
        PhoneNumberId = phoneNumberId;
        PhoneNumber = phoneNumber;
        Reason = reason;
        Status = status;
        RequestedAt = requestedAt;
        ResolvedAt = resolvedAt;
        ResolutionNote = resolutionNote;
    }

    public Guid Id { get; }

    public Guid EnvironmentId { get; }

    public Guid PhoneNumberId { get; }

    /// <summary>The E.164 number as it was when the request was made.</summary>
    public string PhoneNumber { get; }

    public string Reason { get; }

    public string Status { get; private set; }

    public DateTime RequestedAt { get; }

    public DateTime? ResolvedAt { get; private set; }

    public string? ResolutionNote { get; private set; }

    /// <summary>Every change of status, oldest first; the first opened the request.</summary>
    public IReadOnlyList<ReleaseRequestStatusChange> History => _history;

    public bool IsPending => Status == ReleaseRequestStatus.Pending;

    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>Only <see cref="PhoneNumbers.PhoneNumber.RequestRelease"/> opens a request, so its rules always ran.</summary>
    internal static ReleaseRequest Open(Guid id, Guid environmentId, Guid phoneNumberId, string phoneNumber, ReleaseReason reason, DateTime now, Actor actor)
    {
        var request = new ReleaseRequest(id, environmentId, phoneNumberId, phoneNumber, reason.Value, ReleaseRequestStatus.Pending, now, null, null,
            [new ReleaseRequestStatusChange(null, ReleaseRequestStatus.Pending, actor, null, now)]);
        request._events.Add(new ReleaseRequestStatusChanged(Guid.CreateVersion7(), request, null, ReleaseRequestStatus.Pending, now));
        return request;
    }

    public static ReleaseRequest Rehydrate(
        Guid id,
        Guid environmentId,
        Guid phoneNumberId,
        string phoneNumber,
        string reason,
        string status,
        DateTime requestedAt,
        DateTime? resolvedAt,
        string? resolutionNote,
        IEnumerable<ReleaseRequestStatusChange> history) =>
        new(id, environmentId, phoneNumberId, phoneNumber, reason, status, requestedAt, resolvedAt, resolutionNote, history);

    private void Resolve(string status, DateTime now, string? note, Actor actor)
    {
        if (!IsPending)
        {
            throw DomainErrors.ReleaseRequestNotPending();
        }

        _history.Add(new ReleaseRequestStatusChange(Status, status, actor, note, now));
        _events.Add(new ReleaseRequestStatusChanged(Guid.CreateVersion7(), this, Status, status, now));
        Status = status;
        ResolvedAt = now;
        ResolutionNote = note;
    }

    public void Cancel(DateTime now, string? note, Actor actor) => Resolve(ReleaseRequestStatus.Cancelled, now, note, actor);

    public void Reject(DateTime now, string note, Actor actor) => Resolve(ReleaseRequestStatus.Rejected, now, note, actor);

    public void Approve(DateTime now, string? note, Actor actor) => Resolve(ReleaseRequestStatus.Approved, now, note, actor);
}
