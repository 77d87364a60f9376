using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.InviteStaffMember;

/// <summary>An admin adds a support staff member; they choose their own password through the setup link.</summary>
public sealed record InviteStaffMemberCommand(Input<string> Email, Input<string> Name, Input<string> Role) : ICommand<InvitedStaffMemberDto>;
