using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Talkover.Application.Abstractions;
using Talkover.Application.Diagnostics;

namespace Talkover.Api.Authentication;

/// <summary>
/// <c>Authorization: Bearer …</c> carries the bootstrap admin key, a staff API key (<c>tks_…</c>) or an
/// environment token (<c>talq_…</c>). Keys and tokens are looked up by their SHA-256 hash on every request
/// (remembered for at most a second, and forgotten at once by a revocation here), so a revoked key, a
/// disabled member or a changed role takes effect within that second; the secret itself is never stored
/// or logged. The credential is exactly the text after <c>Bearer </c>: any whitespace or control character
/// in it (a non-breaking space, spaces before it) makes it malformed, never trimmed away. A looked-up token or key keeps one principal (<see cref="CallerPrincipal"/>) for as long as
/// its lookup is remembered.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AdminKey adminKey,
    IAccessTokenService tokens,
    ICredentialQueries credentials,
    TalkoverMetrics metrics) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    private const int MaxCredentialLength = 512;

    /// <summary>Whitespace (ASCII and Unicode) and control characters: none belongs to a key or token.</summary>
    private static readonly System.Buffers.SearchValues<char> NotInACredential = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF')]);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Failed(CredentialFailure.Malformed, "Malformed Authorization header.");
        }

        var presented = header["Bearer ".Length..];
        if (presented.Length is 0 or > MaxCredentialLength || presented.AsSpan().ContainsAny(NotInACredential))
        {
            return Failed(CredentialFailure.Malformed, "Malformed bearer credential.");
        }

        if (adminKey.Matches(presented))
        {
            Context.Features.Set(new CredentialSecret(presented));
            return Success(TalkoverClaims.ForSystem());
        }

        if (presented.StartsWith(IAccessTokenService.StaffKeyPrefix, StringComparison.Ordinal))
        {
            return await AuthenticateStaffKeyAsync(presented);
        }

        if (!presented.StartsWith(IAccessTokenService.EnvironmentTokenPrefix, StringComparison.Ordinal))
        {
            return Failed(CredentialFailure.Unknown, "Unknown credential.");
        }

        var credential = await credentials.FindByTokenHashAsync(tokens.Hash(presented), Context.RequestAborted);
        if (credential is null)
        {
            return Failed(CredentialFailure.EnvironmentToken, "Unknown or revoked token.");
        }

        return Success(CallerPrincipal.For(credential));
    }

    private async Task<AuthenticateResult> AuthenticateStaffKeyAsync(string presented)
    {
        var staff = await credentials.FindStaffByKeyHashAsync(tokens.Hash(presented), Context.RequestAborted);
        if (staff is null)
        {
            return Failed(CredentialFailure.StaffKey, "Unknown or revoked staff key, or a disabled member.");
        }

        Context.Features.Set(new CredentialSecret(presented));
        return Success(CallerPrincipal.ForStaffKey(staff));
    }

    private AuthenticateResult Failed(string kind, string reason)
    {
        metrics.AuthFailed(kind);
        return AuthenticateResult.Fail(reason);
    }

    private static AuthenticateResult Success(params Claim[] claims) =>
        Success(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, TalkoverClaims.NameClaim, TalkoverClaims.RoleClaim)));

    private static AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
}
