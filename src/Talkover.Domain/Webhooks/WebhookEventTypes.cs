using Talkover.Domain.ReleaseRequests;

namespace Talkover.Domain.Webhooks;

/// <summary>The events a webhook may subscribe to, as the API and the event bodies name them.</summary>
public static class WebhookEventTypes
{
    public const string ReleaseRequestCreated = "release_request.created";
    public const string ReleaseRequestCancelled = "release_request.cancelled";
    public const string ReleaseRequestApproved = "release_request.approved";
    public const string ReleaseRequestRejected = "release_request.rejected";

    public static readonly IReadOnlyList<string> All = [ReleaseRequestCreated, ReleaseRequestCancelled, ReleaseRequestApproved, ReleaseRequestRejected];

    /// <summary>The event type a change of a release request's status is notified as.</summary>
    public static string Of(ReleaseRequestStatusChanged change) => change.ToStatus switch
    {
        ReleaseRequestStatus.Pending => ReleaseRequestCreated,
        ReleaseRequestStatus.Cancelled => ReleaseRequestCancelled,
        ReleaseRequestStatus.Approved => ReleaseRequestApproved,
        ReleaseRequestStatus.Rejected => ReleaseRequestRejected,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.ToStatus, "No event type for this status."),
    };
}
