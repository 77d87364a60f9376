using System.Text.Json.Serialization;

namespace Talkover.Application.Staff;

/// <summary>A new personal API key, with the key — shown this once only.</summary>
public sealed record IssuedStaffApiKeyDto : StaffApiKeyDto
{
    /// <summary><c>tks_</c> and 43 characters; use it as <c>Authorization: Bearer tks_…</c> on admin routes.</summary>
    [JsonPropertyOrder(1)]
    public string Key { get; init; } = "";
}
