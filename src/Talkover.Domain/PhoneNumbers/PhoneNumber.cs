using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Domain.PhoneNumbers;

/// <summary>
/// A phone number an environment holds. It decides whether it may be released
/// and whether it may be given to an agent.
/// </summary>
public sealed class PhoneNumber
{
    private PhoneNumber(
        Guid id,
        Guid environmentId,
        string number,
        PhoneNumberProfile profile,
        string status,
        IReadOnlyCollection<Guid> assignedAgentIds,
        Guid? pendingReleaseRequestId,
        DateTime createdAt,
        DateTime updatedAt)
    {
        Id = id;
        EnvironmentId = environmentId;
        Number = number;
        Profile = profile;
        Status = status;
        AssignedAgentIds = assignedAgentIds;
        PendingReleaseRequestId = pendingReleaseRequestId;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; }

    public Guid EnvironmentId { get; }

    /// <summary>E.164, e.g. +15551234567.</summary>
    public string Number { get; }

    public PhoneNumberProfile Profile { get; }

    public string Status { get; private set; }

    public IReadOnlyCollection<Guid> AssignedAgentIds { get; }

    public Guid? PendingReleaseRequestId { get; private set; }

    public DateTime CreatedAt { get; }

    public DateTime UpdatedAt { get; private set; }

    public bool IsInUse => AssignedAgentIds.Count > 0;

    public static PhoneNumber Provision(Guid id, Guid environmentId, string e164Number, PhoneNumberProfile profile, DateTime now) =>
        new(id, environmentId, e164Number, profile, PhoneNumberStatus.Active, [], null, now, now);

    public static PhoneNumber Rehydrate(
        Guid id,
        Guid environmentId,
        string number,
        PhoneNumberProfile profile,
        string status,
        IReadOnlyCollection<Guid> assignedAgentIds,
        Guid? pendingReleaseRequestId,
        DateTime createdAt,
        DateTime updatedAt) =>
        new(id, environmentId, number, profile, status, assignedAgentIds, pendingReleaseRequestId, createdAt, updatedAt);

    /// <summary>
    /// Opens a release request. A number with a pending request cannot get a second one,
    /// and a number any agent (draft or published) holds cannot be released. <paramref name="actor"/>
    /// is who asked, as the request's history records it.
    /// </summary>
    public ReleaseRequest RequestRelease(Guid requestId, ReleaseReason reason, DateTime now, Actor actor)
    {
        if (Status == PhoneNumberStatus.Released)
        {
            throw DomainErrors.PhoneNumberNotFound();
        }

        if (PendingReleaseRequestId is not null)
        {
            throw DomainErrors.ReleaseAlreadyPending();
        }

        if (IsInUse)
        {
            throw DomainErrors.PhoneNumberInUse();
        }

        var request = ReleaseRequest.Open(requestId, EnvironmentId, Id, Number, reason, now, actor);
        PendingReleaseRequestId = request.Id;
        return request;
    }

    /// <summary>
    /// Gives the number up for good, once support approved its release. A number an agent holds is
    /// never released, even if an assignment somehow slipped in after the request.
    /// </summary>
    public void Release(DateTime now)
    {
        if (Status == PhoneNumberStatus.Released)
        {
            throw DomainErrors.PhoneNumberNotFound();
        }

        if (IsInUse)
        {
            throw DomainErrors.PhoneNumberInUse();
        }

        Status = PhoneNumberStatus.Released;
        PendingReleaseRequestId = null;
        UpdatedAt = now;
    }

    /// <summary>Checks that an agent may take this number.</summary>
    public void EnsureAssignable()
    {
        if (Status == PhoneNumberStatus.Released)
        {
            throw DomainErrors.PhoneNumberNotFound();
        }

        if (PendingReleaseRequestId is not null)
        {
            throw DomainErrors.PhoneNumberReleasePending();
        }
    }
}
