namespace Talkover.Application.Staff;

/// <summary>A support staff member: never a password, key or setup token.</summary>
public record StaffMemberDto
{
    public Guid Id { get; init; }

    public string Email { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary><c>viewer</c>, <c>reviewer</c> or <c>admin</c>.</summary>
    public string Role { get; init; } = "";

    /// <summary><c>active</c> or <c>disabled</c>.</summary>
    public string Status { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    /// <summary>The last sign-in to the console; absent until the first.</summary>
    public DateTime? LastSignInAt { get; init; }
}
