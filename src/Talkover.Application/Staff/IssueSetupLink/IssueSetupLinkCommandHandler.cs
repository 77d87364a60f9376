using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Staff.IssueSetupLink;

internal sealed class IssueSetupLinkCommandHandler(IStaffRepository staff, SetupLinks setupLinks, TimeProvider clock)
    : IRequestHandler<IssueSetupLinkCommand, SetupLinkDto>
{
    public async Task<SetupLinkDto> Handle(IssueSetupLinkCommand command, CancellationToken cancellationToken)
    {
        var member = await staff.GetForUpdateAsync(command.StaffId.Value, cancellationToken) ?? throw DomainErrors.StaffNotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        member.ForgetPassword(now);
        await staff.SaveAsync(member, cancellationToken);
        return await setupLinks.IssueAsync(member.Id, now, cancellationToken);
    }
}
