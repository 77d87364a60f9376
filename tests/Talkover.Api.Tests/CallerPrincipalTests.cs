using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using Talkover.Api.Authentication;
using Talkover.Api.Tests.Support;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Tests;

/// <summary>A looked-up token keeps one principal while its lookup is remembered; a revocation still counts within a second.</summary>
public sealed class CallerPrincipalTests : ApiTestBase
{
    [Test]
    public void For_SameCredentialRecord_GivesTheSamePrincipal_AndAFreshLookupANewOne()
    {
        var credential = new EnvironmentCredential(Guid.NewGuid(), Guid.NewGuid(), "enterprise");

        var first = CallerPrincipal.For(credential);
        var again = CallerPrincipal.For(credential);
        var afterFreshLookup = CallerPrincipal.For(credential with { });

        Assert.That(again, Is.SameAs(first));
        Assert.That(afterFreshLookup, Is.Not.SameAs(first));
    }

    [Test]
    public void For_EnvironmentCredential_CarriesTheTokenClaimsAndTheirParsedValues()
    {
        var credential = new EnvironmentCredential(Guid.NewGuid(), Guid.NewGuid(), "professional");

        var principal = CallerPrincipal.For(credential);

        Assert.Multiple(() =>
        {
            Assert.That(principal.Claims.Select(c => (c.Type, c.Value)), Is.EqualTo(new[]
            {
                (CredentialKinds.ClaimType, CredentialKinds.Environment),
                (TalkoverClaims.EnvironmentIdClaim, credential.EnvironmentId.ToString()),
                (TalkoverClaims.TokenIdClaim, credential.TokenId.ToString()),
                (TalkoverClaims.PlanClaim, "professional"),
            }));
            Assert.That(principal.Identity!.IsAuthenticated, Is.True);
            Assert.That(principal.Identity.AuthenticationType, Is.EqualTo(BearerAuthenticationHandler.SchemeName));
            Assert.That(((ClaimsIdentity)principal.Identity).RoleClaimType, Is.EqualTo(TalkoverClaims.RoleClaim));
            Assert.That(principal.Kind(), Is.EqualTo(CredentialKinds.Environment));
            Assert.That(principal.EnvironmentId(), Is.EqualTo(credential.EnvironmentId));
            Assert.That(principal.ToActor(), Is.EqualTo(Talkover.Domain.ReleaseRequests.Actor.Customer(credential.TokenId)));
            Assert.That(principal.Partition, Is.EqualTo("env:" + credential.EnvironmentId));
        });
    }

    [Test]
    public void ForStaffKey_CarriesTheStaffClaimsAndTheKeyId()
    {
        var staff = new StaffCredential(Guid.NewGuid(), "ana@example.com", "Ana", "reviewer", "stamp", Guid.NewGuid());

        var principal = CallerPrincipal.ForStaffKey(staff);

        Assert.Multiple(() =>
        {
            Assert.That(principal.Claims.Select(c => (c.Type, c.Value)), Is.EqualTo(
                TalkoverClaims.ForStaff(staff.StaffId, "Ana", "ana@example.com", "reviewer", "stamp").Select(c => (c.Type, c.Value))
                    .Append((TalkoverClaims.StaffKeyIdClaim, staff.KeyId!.Value.ToString()))));
            Assert.That(principal.Kind(), Is.EqualTo(CredentialKinds.Staff));
            Assert.That(principal.StaffId(), Is.EqualTo(staff.StaffId));
            Assert.That(principal.StaffRoleOf(), Is.EqualTo("reviewer"));
            Assert.That(principal.Partition, Is.EqualTo("staff:" + staff.StaffId));
        });
    }

    [Test]
    public async Task TokenRevokedElsewhere_IsRefusedWithinASecond()
    {
        var environment = await Api.CreateEnvironmentAsync(plan: "enterprise");
        (await Api.GetAsync("/api/v1/phone-numbers", environment.Token)).ExpectStatus(HttpStatusCode.OK);

        // As another instance would: straight in the database, so this instance's remembered lookup is not forgotten.
        await ExecuteDatabaseAsync(
            "UPDATE environment_tokens SET revoked_at = '2026-11-30T12:00:00Z' WHERE lower(environment_id) = lower(@Id)",
            new { environment.Id });
        var revokedAt = Stopwatch.StartNew();

        HttpStatusCode status;
        do
        {
            await Task.Delay(50);
            status = (await Api.GetAsync("/api/v1/phone-numbers", environment.Token)).Status;
        }
        while (status == HttpStatusCode.OK && revokedAt.Elapsed < TimeSpan.FromSeconds(5));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(revokedAt.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "refused once the remembered lookup (1 s) has lapsed; the margin is for a busy machine");
    }
}
