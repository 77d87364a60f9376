namespace Talkover.Application.Staff;

/// <summary>A new setup link (a password reset) — shown this once only.</summary>
public sealed record SetupLinkDto
{
    /// <summary>Single use, valid 72 hours; earlier links and the old password no longer work.</summary>
    public string SetupUrl { get; init; } = "";

    public DateTime ExpiresAt { get; init; }
}
