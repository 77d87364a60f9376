using Talkover.Domain.Common;

namespace Talkover.Domain.ReleaseRequests;

/// <summary>A customer's request to give a phone number back, and its review outcome.</summary>
public sealed class ReleaseRequest
{
    private ReleaseRequest(
        Guid id,
        Guid environmentId,
        Guid phoneNumberId,
        string phoneNumber,
        string reason,
        string status,
        DateTime requestedAt,
        DateTime? resolvedAt,
        string? resolutionNote)
    {
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

    public bool IsPending => Status == ReleaseRequestStatus.Pending;

    /// <summary>Only <see cref="PhoneNumbers.PhoneNumber.RequestRelease"/> opens a request, so its rules always ran.</summary>
    internal static ReleaseRequest Open(Guid id, Guid environmentId, Guid phoneNumberId, string phoneNumber, ReleaseReason reason, DateTime now) =>
        new(id, environmentId, phoneNumberId, phoneNumber, reason.Value, ReleaseRequestStatus.Pending, now, null, null);

    public static ReleaseRequest Rehydrate(
        Guid id,
        Guid environmentId,
        Guid phoneNumberId,
        string phoneNumber,
        string reason,
        string status,
        DateTime requestedAt,
        DateTime? resolvedAt,
        string? resolutionNote) =>
        new(id, environmentId, phoneNumberId, phoneNumber, reason, status, requestedAt, resolvedAt, resolutionNote);

    private void Resolve(string status, DateTime now, string? note)
    {
        if (!IsPending)
        {
            throw DomainErrors.ReleaseRequestNotPending();
        }

        Status = status;
        ResolvedAt = now;
        ResolutionNote = note;
    }

    public void Cancel(DateTime now, string? note) => Resolve(ReleaseRequestStatus.Cancelled, now, note);

    public void Reject(DateTime now, string note) => Resolve(ReleaseRequestStatus.Rejected, now, note);

    public void Approve(DateTime now, string? note) => Resolve(ReleaseRequestStatus.Approved, now, note);
}
