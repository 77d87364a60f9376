using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.GetStaffMember;

public sealed record GetStaffMemberQuery(Input<Guid> StaffId) : IQuery<StaffMemberDto>;
