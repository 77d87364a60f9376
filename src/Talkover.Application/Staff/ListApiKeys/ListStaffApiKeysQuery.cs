using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.ListApiKeys;

/// <summary>A member's API keys (never the keys themselves), revoked ones included, oldest first.</summary>
public sealed record ListStaffApiKeysQuery(Input<Guid> StaffId, StaffCaller Caller) : IQuery<IReadOnlyList<StaffApiKeyDto>>;
