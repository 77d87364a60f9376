using MediatR;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.CompleteSetup;

internal sealed class CompleteStaffSetupCommandHandler(
    IStaffRepository staff,
    IStaffCredentialRepository credentials,
    IAccessTokenService tokens,
    IStaffPasswordHasher hasher,
    TimeProvider clock) : IRequestHandler<CompleteStaffSetupCommand, StaffCredential?>
{
    public async Task<StaffCredential?> Handle(CompleteStaffSetupCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var link = await credentials.FindSetupLinkAsync(tokens.Hash(command.Token.Value!), cancellationToken);
        if (link is null || !link.IsUsable(now))
        {
            return null;
        }

        var member = await staff.GetForUpdateAsync(link.StaffId, cancellationToken);
        if (member is null || !member.IsActive || !await credentials.UseSetupLinkAsync(link.Id, now, cancellationToken))
        {
            return null;
        }

        member.SetPassword(hasher.Hash(command.Password.Value!), now);
        member.RecordSignIn(now);
        await staff.SaveAsync(member, cancellationToken);
        return new StaffCredential(member.Id, member.Email, member.Name, member.Role, member.SecurityStamp);
    }
}
