using Talkover.Domain.Staff;

namespace Talkover.Api.Authentication;

/// <summary>
/// Who may call a route: customers (<see cref="Tenant"/>), or support staff with at least a role. A staff
/// member below the role gets 403 INSUFFICIENT_ROLE; a credential of the other kind 403 UNAUTHORIZED.
/// </summary>
public static class Policies
{
    public const string Tenant = "tenant";
    public const string Viewer = StaffPrefix + StaffRole.Viewer;
    public const string Reviewer = StaffPrefix + StaffRole.Reviewer;
    public const string Admin = StaffPrefix + StaffRole.Admin;

    /// <summary>A member on their own record (their API keys), or an admin on anyone's.</summary>
    public const string OwnRecordOrAdmin = StaffPrefix + "own-record-or-admin";

    public const string StaffPrefix = "staff:";

    public static bool IsStaffPolicy(string? policy) => policy?.StartsWith(StaffPrefix, StringComparison.Ordinal) == true;
}
