namespace Talkover.Application.Staff;

/// <summary>A staff member as the read side lists them.</summary>
public sealed record StaffMemberReadModel
{
    public Guid Id { get; init; }

    public string Email { get; init; } = "";

    public string Name { get; init; } = "";

    public string Role { get; init; } = "";

    public string Status { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public DateTime? LastSignInAt { get; init; }
}
