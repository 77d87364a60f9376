using System.Net;
using System.Text;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

public sealed class AdminTests : ApiTestBase
{
    [Test]
    public async Task CreateEnvironment_ReturnsAWorkingTokenShownOnceAndStoresOnlyItsHash()
    {
        var response = await Api.PostAsync("/api/v1/admin/environments", TalkoverApiFactory.AdminKey, new { name = "Acme", plan = "professional" });

        response.ExpectStatus(HttpStatusCode.Created);
        var token = response.Data["token"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(response.Header("Location"), Is.EqualTo($"/api/v1/admin/environments/{response.Data["id"]!.GetValue<string>()}"));
            Assert.That(response.Data["plan"]!.GetValue<string>(), Is.EqualTo("professional"));
            Assert.That(token, Does.Match("^talq_[A-Za-z0-9_-]{43}$"), "talq_ + 32 random bytes, base64url");
        });

        var environment = new TestEnvironment(response.Data["id"]!.GetValue<string>(), token);
        await Api.CreateAgentAsync(environment);

        var stored = await QueryDatabaseAsync<string>("SELECT token_hash FROM environment_tokens WHERE environment_id = @id", new { id = environment.Id });
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        Assert.That(stored, Is.EqualTo(new[] { sha256 }));
        Assert.That(DatabaseFileContains(token), Is.False, "the token's secret must not be anywhere in the database file");
    }

    [Test]
    public async Task CreateEnvironment_WithBadFields_Returns422ForEach()
    {
        var response = await Api.PostAsync("/api/v1/admin/environments", TalkoverApiFactory.AdminKey, new { plan = "gold" });

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.Json["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "name", "plan" }));
    }

    [Test]
    public async Task IssueToken_GivesASecondWorkingTokenForTheSameEnvironment()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var number = await Api.ProvisionAsync(environment);

        var issued = await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/environments/{environment.Id}/tokens", TalkoverApiFactory.AdminKey);

        issued.ExpectStatus(HttpStatusCode.Created);
        var second = issued.Data["token"]!.GetValue<string>();
        Assert.That(second, Is.Not.EqualTo(environment.Token));
        (await Api.SendAsync(HttpMethod.Get, $"/api/v1/phone-numbers/{number}", second)).ExpectStatus(HttpStatusCode.OK);
        (await Api.SendAsync(HttpMethod.Get, $"/api/v1/phone-numbers/{number}", environment.Token)).ExpectStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task AdminRoutes_ForUnknownEnvironment_Return404()
    {
        var unknown = Guid.NewGuid();

        (await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/environments/{unknown}/tokens", TalkoverApiFactory.AdminKey))
            .ExpectError(HttpStatusCode.NotFound, "ENVIRONMENT_NOT_FOUND");
        (await Api.PostAsync($"/api/v1/admin/environments/{unknown}/phone-numbers", TalkoverApiFactory.AdminKey, new { number = ApiClient.NewNumber(), country_code = "US" }))
            .ExpectError(HttpStatusCode.NotFound, "ENVIRONMENT_NOT_FOUND");
    }

    [Test]
    public async Task ProvisionPhoneNumber_ReturnsTheFullResourceWithDerivedFields()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var renewal = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd");

        var response = await Api.PostAsync($"/api/v1/admin/environments/{environment.Id}/phone-numbers", TalkoverApiFactory.AdminKey, new
        {
            number = "+442079460999",
            country_code = "GB",
            type = "voice",
            has_voice = true,
            has_whatsapp = true,
            current_price = 2.50m,
            currency = "GBP",
            renewal_date = renewal,
            auto_renewal = true,
        });

        response.ExpectStatus(HttpStatusCode.Created);
        var data = response.Data;
        Assert.Multiple(() =>
        {
            Assert.That(data["number"]!.GetValue<string>(), Is.EqualTo("+442079460999"));
            Assert.That(data["formatted_number"]!.GetValue<string>(), Is.EqualTo("020 7946 0999"));
            Assert.That(data["international_number"]!.GetValue<string>(), Is.EqualTo("+44 20 7946 0999"));
            Assert.That(data["current_status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(data["has_whatsapp"]!.GetValue<bool>(), Is.True);
            Assert.That(data["has_fax"]!.GetValue<bool>(), Is.False);
            Assert.That(data["current_price"]!.GetValue<decimal>(), Is.EqualTo(2.5m));
            Assert.That(data["monthly_renewal_cost"]!.GetValue<decimal>(), Is.EqualTo(2.5m));
            Assert.That(data["renewal_date"]!.GetValue<string>(), Is.EqualTo(renewal));
            Assert.That(data["days_until_monthly_renewal"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(data["is_due_for_monthly_renewal"]!.GetValue<bool>(), Is.False);
            Assert.That(data["agents"]!.AsArray(), Is.Empty);
            Assert.That(data.ContainsKey("pending_release_request_id"), Is.False);
        });
    }

    [Test]
    public async Task ProvisionPhoneNumber_WhenAnotherActiveNumberHasIt_Returns409EvenAcrossEnvironments()
    {
        var first = await Api.CreateEnvironmentAsync();
        var second = await Api.CreateEnvironmentAsync();
        var number = ApiClient.NewNumber();
        await Api.ProvisionAsync(first, number);

        var response = await Api.PostAsync($"/api/v1/admin/environments/{second.Id}/phone-numbers", TalkoverApiFactory.AdminKey, new { number, country_code = "US" });

        response.ExpectError(HttpStatusCode.Conflict, "PHONE_NUMBER_ALREADY_EXISTS");
    }

    [TestCase("15551234567", "US", "number")]
    [TestCase("+1555\ud800", "US", "number")]
    [TestCase("+1555", "US", "number")]
    [TestCase("+15551234567", "GB", "number")]
    [TestCase("+15551234567", "XX", "country_code")]
    [TestCase("+15551234567", null, "country_code")]
    public async Task ProvisionPhoneNumber_WithBadNumberOrCountry_Returns422(string number, string? country, string field)
    {
        var environment = await Api.CreateEnvironmentAsync();

        var response = await Api.PostAsync($"/api/v1/admin/environments/{environment.Id}/phone-numbers", TalkoverApiFactory.AdminKey,
            new { number, country_code = country });

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors(field), Is.Not.Empty, response.Body);
    }

    [Test]
    public async Task AdminRoute_WithATenantToken_Returns403()
    {
        var environment = await Api.CreateEnvironmentAsync();

        var response = await Api.PostAsync("/api/v1/admin/environments", environment.Token, new { name = "Sneaky" });

        response.ExpectError(HttpStatusCode.Forbidden, "UNAUTHORIZED");
    }

    [TestCase(null)]
    [TestCase("test-admin-key-0123456789abcdefghijklmnopqrstuvwxyZ")]
    public async Task AdminRoute_WithoutTheAdminKey_Returns401(string? key)
    {
        var response = await Api.PostAsync("/api/v1/admin/environments", key, new { name = "Nobody" });

        response.ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }
}

/// <summary>Without Admin__ApiKey outside Development, only staff keys reach admin routes.</summary>
public sealed class AdminKeyUnsetTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Admin:ApiKey"] = "" };

    [TestCase(null)]
    [TestCase("anything-at-all")]
    [TestCase("")]
    [TestCase(TalkoverApiFactory.AdminKey)]
    public async Task AdminRoute_WhenNoAdminKeyIsConfigured_Returns401ToAnythingButAStaffKey(string? credential)
    {
        var response = await Api.PostAsync("/api/v1/admin/environments", credential, new { name = "Nobody" });

        response.ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }
}
