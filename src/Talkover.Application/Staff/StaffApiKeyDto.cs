namespace Talkover.Application.Staff;

/// <summary>A staff member's personal API key, without the key itself.</summary>
public record StaffApiKeyDto
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    /// <summary>When the key was last used (to the minute); absent until first used.</summary>
    public DateTime? LastUsedAt { get; init; }

    /// <summary>When the key was revoked; absent while it works.</summary>
    public DateTime? RevokedAt { get; init; }
}
