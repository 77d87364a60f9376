namespace Talkover.Domain.Staff;

public static class StaffStatus
{
    public const string Active = "active";

    /// <summary>Signed out everywhere, keys refused, until enabled again.</summary>
    public const string Disabled = "disabled";

    public static readonly IReadOnlyList<string> All = [Active, Disabled];
}
