using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.CreateApiKey;

/// <summary>A personal API key for a member (their own, or anyone's for an admin); the key is shown once.</summary>
public sealed record CreateStaffApiKeyCommand(Input<Guid> StaffId, Input<string> Name, StaffCaller Caller) : ICommand<IssuedStaffApiKeyDto>;
