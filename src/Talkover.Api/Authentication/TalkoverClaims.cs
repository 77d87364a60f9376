using System.Security.Claims;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Staff;

namespace Talkover.Api.Authentication;

/// <summary>The claims a credential carries, and who they make the caller.</summary>
public static class TalkoverClaims
{
    public const string EnvironmentIdClaim = "talkover:environment_id";
    public const string TokenIdClaim = "talkover:token_id";
    public const string PlanClaim = "talkover:plan";
    public const string StaffIdClaim = "talkover:staff_id";
    public const string RoleClaim = "talkover:role";
    public const string NameClaim = "talkover:name";
    public const string EmailClaim = "talkover:email";
    public const string SecurityStampClaim = "talkover:security_stamp";
    public const string StaffKeyIdClaim = "talkover:staff_key_id";

    public static string? Kind(this ClaimsPrincipal user) => user is CallerPrincipal caller ? caller.Kind : user.FindFirstValue(CredentialKinds.ClaimType);

    public static bool IsStaffOrSystem(this ClaimsPrincipal user) => user.Kind() is CredentialKinds.Staff or CredentialKinds.System;

    public static Guid EnvironmentId(this ClaimsPrincipal user) =>
        user is CallerPrincipal { EnvironmentId: { } id } ? id : Guid.Parse(user.FindFirstValue(EnvironmentIdClaim) ?? throw new InvalidOperationException("Not an environment credential."));

    /// <summary>The staff member's id; null for the bootstrap key.</summary>
    public static Guid? StaffId(this ClaimsPrincipal user) =>
        user.FindFirstValue(StaffIdClaim) is { } id ? Guid.Parse(id) : null;

    /// <summary>The caller's staff role (admin for the bootstrap key); null for a customer.</summary>
    public static string? StaffRoleOf(this ClaimsPrincipal user) => user.FindFirstValue(RoleClaim);

    /// <summary>Who the caller is, as history and other records name them.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => user.Kind() switch
    {
        CredentialKinds.Environment => Actor.Customer(user is CallerPrincipal { TokenId: { } tokenId } ? tokenId : Guid.Parse(user.FindFirstValue(TokenIdClaim)!)),
        CredentialKinds.Staff => Actor.Staff(user.StaffId()!.Value, user.FindFirstValue(NameClaim)!, user.FindFirstValue(EmailClaim)!),
        CredentialKinds.System => Actor.System,
        _ => throw new InvalidOperationException("The request is not authenticated."),
    };

    public static Claim[] ForSystem() =>
    [
        new(CredentialKinds.ClaimType, CredentialKinds.System),
        new(RoleClaim, StaffRole.Admin),
    ];

    public static Claim[] ForStaff(Guid staffId, string name, string email, string role, string securityStamp) =>
    [
        new(CredentialKinds.ClaimType, CredentialKinds.Staff),
        new(StaffIdClaim, staffId.ToString()),
        new(NameClaim, name),
        new(EmailClaim, email),
        new(RoleClaim, role),
        new(SecurityStampClaim, securityStamp),
    ];
}
