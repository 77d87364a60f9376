using MediatR;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.SignIn;

internal sealed class SignInStaffCommandHandler(IStaffRepository staff, IStaffPasswordHasher hasher, TimeProvider clock)
    : IRequestHandler<SignInStaffCommand, StaffSignInResult>
{
    // Verified when the email is unknown, so an unknown email takes as long as a wrong password.
    private static string? s_decoyHash;

    public async Task<StaffSignInResult> Handle(SignInStaffCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var member = await staff.FindByEmailForUpdateAsync(command.Email.Value!, cancellationToken);
        if (member is null || member.PasswordHash is null)
        {
            s_decoyHash ??= hasher.Hash(Guid.NewGuid().ToString("N"));
            hasher.Verify(s_decoyHash, command.Password.Value!);
            return StaffSignInResult.Failed;
        }

        // Checked even when locked out and the answer is no anyway: a locked account must take as long as any
        // other failure, or its quick answer would tell that the email has an account.
        var matches = hasher.Verify(member.PasswordHash, command.Password.Value!);
        if (member.IsLockedOut(now))
        {
            return StaffSignInResult.Failed;
        }

        if (!matches)
        {
            member.RecordFailedSignIn(now);
            await staff.SaveAsync(member, cancellationToken);
            return StaffSignInResult.Failed;
        }

        if (!member.IsActive)
        {
            return StaffSignInResult.Failed;
        }

        member.RecordSignIn(now);
        await staff.SaveAsync(member, cancellationToken);
        return new StaffSignInResult(new StaffCredential(member.Id, member.Email, member.Name, member.Role, member.SecurityStamp));
    }
}
