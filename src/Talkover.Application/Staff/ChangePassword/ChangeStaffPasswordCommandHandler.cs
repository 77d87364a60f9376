using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Staff.ChangePassword;

internal sealed class ChangeStaffPasswordCommandHandler(IStaffRepository staff, IStaffPasswordHasher hasher, TimeProvider clock)
    : IRequestHandler<ChangeStaffPasswordCommand, StaffCredential?>
{
    public async Task<StaffCredential?> Handle(ChangeStaffPasswordCommand command, CancellationToken cancellationToken)
    {
        var member = await staff.GetForUpdateAsync(command.StaffId, cancellationToken) ?? throw DomainErrors.StaffNotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (member.PasswordHash is null || !hasher.Verify(member.PasswordHash, command.CurrentPassword.Value!))
        {
            member.RecordFailedSignIn(now);
            await staff.SaveAsync(member, cancellationToken);
            return null;
        }

        member.SetPassword(hasher.Hash(command.NewPassword.Value!), now);
        await staff.SaveAsync(member, cancellationToken);
        return new StaffCredential(member.Id, member.Email, member.Name, member.Role, member.SecurityStamp);
    }
}
