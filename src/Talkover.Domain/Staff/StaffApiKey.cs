namespace Talkover.Domain.Staff;

/// <summary>A staff member's personal API key (<c>tks_…</c>) as stored: only its SHA-256 hash, never the key.</summary>
public sealed record StaffApiKey(Guid Id, Guid StaffId, string Name, string KeyHash, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);
