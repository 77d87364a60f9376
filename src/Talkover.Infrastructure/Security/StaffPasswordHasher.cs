using Microsoft.AspNetCore.Identity;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a per-password salt, version 3 format).</summary>
internal sealed class StaffPasswordHasher : IStaffPasswordHasher
{
    private static readonly object s_user = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(s_user, password);

    public bool Verify(string passwordHash, string password)
    {
        try
        {
            return _hasher.VerifyHashedPassword(s_user, passwordHash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
        }
        catch (FormatException)
        {
            // Not a hash this hasher wrote (the decoy for unknown emails): never a match.
            return false;
        }
    }
}
