namespace Talkover.Domain.ReleaseRequests;

/// <summary>One change of a release request's status: from what, to what, who made it, why, and when.</summary>
public sealed record ReleaseRequestStatusChange(string? FromStatus, string ToStatus, Actor Actor, string? Note, DateTime OccurredAt);
