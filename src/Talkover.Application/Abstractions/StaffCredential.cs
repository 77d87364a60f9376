namespace Talkover.Application.Abstractions;

/// <summary>An active staff member as one of their API keys (or their console session) presents them.</summary>
public sealed record StaffCredential(Guid StaffId, string Email, string Name, string Role, string SecurityStamp, Guid? KeyId = null, DateTime? KeyLastUsedAt = null);
