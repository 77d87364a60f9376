using Talkover.Domain.Common;

namespace Talkover.Domain.ReleaseRequests;

/// <summary>
/// A release request was opened (<see cref="FromStatus"/> null) or resolved: cancelled, approved or rejected.
/// <see cref="Request"/> is the request as that change left it.
/// </summary>
public sealed record ReleaseRequestStatusChanged(Guid Id, ReleaseRequest Request, string? FromStatus, string ToStatus, DateTime OccurredAt) : IDomainEvent;
