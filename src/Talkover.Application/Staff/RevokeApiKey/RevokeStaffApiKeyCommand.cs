using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.RevokeApiKey;

/// <summary>Revokes a member's API key; it is refused from the next request on.</summary>
public sealed record RevokeStaffApiKeyCommand(Input<Guid> StaffId, Input<Guid> KeyId, StaffCaller Caller) : ICommand<StaffApiKeyDto>;
