using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.UpdateStaffMember;

/// <summary>An admin renames a member, changes their role, or disables (or enables) them.</summary>
public sealed record UpdateStaffMemberCommand(Input<Guid> StaffId, Input<string> Name, Input<string> Role, Input<string> Status) : ICommand<StaffMemberDto>;
