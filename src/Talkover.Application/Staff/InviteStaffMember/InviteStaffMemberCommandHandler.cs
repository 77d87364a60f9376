using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.Staff;

namespace Talkover.Application.Staff.InviteStaffMember;

internal sealed class InviteStaffMemberCommandHandler(
    IStaffRepository staff,
    SetupLinks setupLinks,
    IMapper mapper,
    TimeProvider clock) : IRequestHandler<InviteStaffMemberCommand, InvitedStaffMemberDto>
{
    public async Task<InvitedStaffMemberDto> Handle(InviteStaffMemberCommand command, CancellationToken cancellationToken)
    {
        if (await staff.EmailTakenAsync(command.Email.Value!, cancellationToken))
        {
            throw DomainErrors.StaffEmailTaken();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var member = StaffMember.Invite(Guid.CreateVersion7(), command.Email.Value!, command.Name.Value!, command.Role.Value!, now);
        await staff.AddAsync(member, cancellationToken);
        var link = await setupLinks.IssueAsync(member.Id, now, cancellationToken);
        return mapper.Map<InvitedStaffMemberDto>(member) with { SetupUrl = link.SetupUrl, SetupUrlExpiresAt = link.ExpiresAt };
    }
}
