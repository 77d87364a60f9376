using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Authentication;

/// <summary>
/// <c>Authorization: Bearer …</c> carries the bootstrap admin key, a staff API key (<c>tks_…</c>) or an
/// environment token (<c>talq_…</c>). Keys and tokens are looked up by their SHA-256 hash on every request
/// (remembered for at most a second, and forgotten at once by a revocation here), so a revoked key, a
/// disabled member or a changed role takes effect within that second; the secret itself is never stored
/// or logged. A looked-up token or key keeps one principal (<see cref="CallerPrincipal"/>) for as long as
/// its lookup is remembered.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AdminKey adminKey,
    IAccessTokenService tokens,
    ICredentialQueries credentials) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    private const int MaxCredentialLength = 512;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Malformed Authorization header.");
        }

        var presented = header["Bearer ".Length..].Trim();
        if (presented.Length is 0 or > MaxCredentialLength)
        {
            return AuthenticateResult.Fail("Malformed bearer credential.");
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
            return AuthenticateResult.Fail("Unknown credential.");
        }

        var credential = await credentials.FindByTokenHashAsync(tokens.Hash(presented), Context.RequestAborted);
        if (credential is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }

        return Success(CallerPrincipal.For(credential));
    }

    private async Task<AuthenticateResult> AuthenticateStaffKeyAsync(string presented)
    {
        var staff = await credentials.FindStaffByKeyHashAsync(tokens.Hash(presented), Context.RequestAborted);
        if (staff is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked staff key, or a disabled member.");
        }

        Context.Features.Set(new CredentialSecret(presented));
        return Success(CallerPrincipal.ForStaffKey(staff));
    }

    private static AuthenticateResult Success(params Claim[] claims) =>
        Success(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, TalkoverClaims.NameClaim, TalkoverClaims.RoleClaim)));

    private static AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
}
