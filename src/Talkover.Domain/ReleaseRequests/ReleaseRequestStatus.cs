namespace Talkover.Domain.ReleaseRequests;

/// <summary>Lifecycle of a release request; the strings are what the API and the database carry.</summary>
public static class ReleaseRequestStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Pending, Approved, Rejected, Cancelled];
}
