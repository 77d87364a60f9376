using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.Staff;

namespace Talkover.Application.Staff.UpdateStaffMember;

internal sealed class UpdateStaffMemberCommandHandler(IStaffRepository staff, ICredentialCache lookups, IMapper mapper, TimeProvider clock)
    : IRequestHandler<UpdateStaffMemberCommand, StaffMemberDto>
{
    public async Task<StaffMemberDto> Handle(UpdateStaffMemberCommand command, CancellationToken cancellationToken)
    {
        var role = command.Role.ValueOr(null);
        var status = command.Status.ValueOr(null);

        // Counting the active admins first, under lock, makes two changes that could each remove an admin
        // run one after the other, so the second sees the first and the last admin always remains.
        var activeAdmins = role is not null || status is not null ? await staff.CountActiveAdminsForUpdateAsync(cancellationToken) : 0;
        var member = await staff.GetForUpdateAsync(command.StaffId.Value, cancellationToken) ?? throw DomainErrors.StaffNotFound();

        var wasActiveAdmin = member.IsActive && member.Role == StaffRole.Admin;
        var staysActiveAdmin = (status ?? member.Status) == StaffStatus.Active && (role ?? member.Role) == StaffRole.Admin;
        if (wasActiveAdmin && !staysActiveAdmin && activeAdmins <= 1)
        {
            throw DomainErrors.LastAdmin();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (command.Name.ValueOr(null) is { } name)
        {
            member.Rename(name, now);
        }

        if (role is not null)
        {
            member.ChangeRole(role, now);
        }

        if (status is not null)
        {
            member.ChangeStatus(status, now);
        }

        // A key acts with its member's role and status: this instance forgets what it remembered of them now.
        lookups.Forget();
        await staff.SaveAsync(member, cancellationToken);
        return mapper.Map<StaffMemberDto>(member);
    }
}
