namespace Talkover.Application.Staff;

/// <summary>Who is calling: a staff member (with their role), or <c>system</c> for the bootstrap admin key.</summary>
public sealed record CallerDto
{
    /// <summary><c>staff</c> or <c>system</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>The caller's role; the bootstrap key is <c>admin</c>.</summary>
    public string Role { get; init; } = "";

    /// <summary>The staff member, absent for the bootstrap key.</summary>
    public StaffMemberDto? Staff { get; init; }
}
