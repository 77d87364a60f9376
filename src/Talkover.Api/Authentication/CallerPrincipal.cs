using System.Runtime.CompilerServices;
using System.Security.Claims;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Authentication;

/// <summary>
/// The principal of an environment token or a staff API key: the same claims as any principal, plus what
/// every request asks of them (the kind, the ids, the rate-limit and idempotency partition) worked out
/// once. One is made per credential as looked up (<see cref="For(EnvironmentCredential)"/>), and every
/// request presenting it while the lookup is remembered shares it: a credential record never changes,
/// and a fresh lookup — after a second, or after <see cref="ICredentialCache.Forget"/> — is a new record
/// and so gets a new principal. Nothing changes a principal once made.
/// </summary>
public sealed class CallerPrincipal : ClaimsPrincipal
{
    private static readonly ConditionalWeakTable<EnvironmentCredential, CallerPrincipal> Environments = new();
    private static readonly ConditionalWeakTable<StaffCredential, CallerPrincipal> StaffKeys = new();

    private CallerPrincipal(Claim[] claims, string kind, string partition)
        : base(new ClaimsIdentity(claims, BearerAuthenticationHandler.SchemeName, TalkoverClaims.NameClaim, TalkoverClaims.RoleClaim))
    {
        Kind = kind;
        Partition = partition;
    }

    /// <summary>One of <see cref="CredentialKinds"/>.</summary>
    public string Kind { get; }

    /// <summary><c>env:{environment id}</c> or <c>staff:{staff id}</c>: the caller's rate-limit window and idempotency scope.</summary>
    public string Partition { get; }

    public Guid? EnvironmentId { get; private init; }

    public Guid? TokenId { get; private init; }

    public Guid? StaffKeyId { get; private init; }

    public string? Plan { get; private init; }

    /// <summary>The principal of an environment token, made once per looked-up credential.</summary>
    public static CallerPrincipal For(EnvironmentCredential credential) => Environments.GetValue(credential, static c => new CallerPrincipal(
        [
            new Claim(CredentialKinds.ClaimType, CredentialKinds.Environment),
            new Claim(TalkoverClaims.EnvironmentIdClaim, c.EnvironmentId.ToString()),
            new Claim(TalkoverClaims.TokenIdClaim, c.TokenId.ToString()),
            new Claim(TalkoverClaims.PlanClaim, c.Plan),
        ],
        CredentialKinds.Environment,
        "env:" + c.EnvironmentId)
    {
        EnvironmentId = c.EnvironmentId,
        TokenId = c.TokenId,
        Plan = c.Plan,
    });

    /// <summary>The principal of a staff API key (<see cref="StaffCredential.KeyId"/> set), made once per looked-up credential.</summary>
    public static CallerPrincipal ForStaffKey(StaffCredential staff) => StaffKeys.GetValue(staff, static s => new CallerPrincipal(
        [.. TalkoverClaims.ForStaff(s.StaffId, s.Name, s.Email, s.Role, s.SecurityStamp),
            new Claim(TalkoverClaims.StaffKeyIdClaim, s.KeyId!.Value.ToString())],
        CredentialKinds.Staff,
        "staff:" + s.StaffId)
    {
        StaffKeyId = s.KeyId,
    });
}
