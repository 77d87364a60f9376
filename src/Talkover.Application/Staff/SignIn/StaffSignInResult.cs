using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.SignIn;

/// <summary>
/// The member now signed in, or nothing. A failure is a result, not an error, so the failed attempt it
/// counts is committed; it never says whether the email exists.
/// </summary>
public sealed record StaffSignInResult(StaffCredential? Staff)
{
    public static readonly StaffSignInResult Failed = new((StaffCredential?)null);

    public bool Succeeded => Staff is not null;
}
