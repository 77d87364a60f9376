using System.Text.Json.Serialization;

namespace Talkover.Application.Staff;

/// <summary>A new staff member with the link they open to choose a password — shown this once only.</summary>
public sealed record InvitedStaffMemberDto : StaffMemberDto
{
    /// <summary>Single use, valid 72 hours. Send it to the member; nobody else should open it.</summary>
    [JsonPropertyOrder(1)]
    public string SetupUrl { get; init; } = "";

    [JsonPropertyOrder(2)]
    public DateTime SetupUrlExpiresAt { get; init; }
}
