using MediatR;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.EndSessions;

internal sealed class EndStaffSessionsCommandHandler(IStaffRepository staff, TimeProvider clock) : IRequestHandler<EndStaffSessionsCommand, Unit>
{
    public async Task<Unit> Handle(EndStaffSessionsCommand command, CancellationToken cancellationToken)
    {
        // Gone already (removed, or a stale cookie): there is no session left to end.
        if (await staff.GetForUpdateAsync(command.StaffId, cancellationToken) is { } member)
        {
            member.EndSessions(clock.GetUtcNow().UtcDateTime);
            await staff.SaveAsync(member, cancellationToken);
        }

        return Unit.Value;
    }
}
