namespace Talkover.Domain.Staff;

/// <summary>
/// A single-use link for choosing a password, as stored: only the SHA-256 hash of its token. It works
/// once, until <see cref="ExpiresAt"/> (72 hours), and only while it is the member's newest.
/// </summary>
public sealed record StaffSetupLink(Guid Id, Guid StaffId, string TokenHash, DateTime CreatedAt, DateTime ExpiresAt, DateTime? UsedAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public bool IsUsable(DateTime now) => UsedAt is null && ExpiresAt > now;
}
