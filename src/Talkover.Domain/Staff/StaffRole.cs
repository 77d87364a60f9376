namespace Talkover.Domain.Staff;

/// <summary>What a support staff member may do; each role includes the ones before it.</summary>
public static class StaffRole
{
    /// <summary>Reads the queue, requests, their history and environments.</summary>
    public const string Viewer = "viewer";

    /// <summary>A viewer who also approves and rejects release requests.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>A reviewer who also manages environments, tokens, numbers and staff.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Reviewer, Admin];

    /// <summary>Whether <paramref name="role"/> includes what <paramref name="required"/> may do.</summary>
    public static bool Includes(string role, string required) => Rank(role) >= Rank(required);

    private static int Rank(string role) => role switch
    {
        Viewer => 1,
        Reviewer => 2,
        Admin => 3,
        _ => 0,
    };
}
