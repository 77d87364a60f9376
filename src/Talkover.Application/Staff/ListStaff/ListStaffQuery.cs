using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Staff.ListStaff;

/// <summary>Every support staff member, oldest first.</summary>
public sealed record ListStaffQuery(PageRequest Page) : IQuery<Paged<StaffMemberDto>>;
