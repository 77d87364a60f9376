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

        // The current password is guessed here as on the sign-in page: failures count toward the same
        // lockout, and a locked account changes nothing, even with the right password, until it ends.
        var matches = member.PasswordHash is not null && hasher.Verify(member.PasswordHash, command.CurrentPassword.Value!);
        if (member.IsLockedOut(now))
        {
            return null;
        }

        if (!matches)
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
