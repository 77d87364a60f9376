using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>Support staff as people: their credentials, roles and what the history says they did.</summary>
public sealed class StaffTests : ApiTestBase
{
    private const string Admin = TalkoverApiFactory.AdminKey;

    [Test]
    public async Task AddStaffMember_Returns201WithASetupLinkShownOnceAndNoPassword()
    {
        var response = await Api.PostAsync("/api/v1/admin/staff", Admin, new { email = "Ada.Lovelace@Support.example", name = "Ada Lovelace", role = "reviewer" });

        response.ExpectStatus(HttpStatusCode.Created);
        var id = response.Data["id"]!.GetValue<string>();
        var setupUrl = response.Data["setup_url"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(response.Header("Location"), Is.EqualTo($"/api/v1/admin/staff/{id}"));
            Assert.That(response.Data["email"]!.GetValue<string>(), Is.EqualTo("Ada.Lovelace@Support.example"));
            Assert.That(response.Data["role"]!.GetValue<string>(), Is.EqualTo("reviewer"));
            Assert.That(response.Data["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(response.Data.ContainsKey("last_sign_in_at"), Is.False);
            Assert.That(setupUrl, Does.Match(@"^http://127\.0\.0\.1:\d+/console/setup\?token=[A-Za-z0-9_-]{43}$"));
            Assert.That(DateTime.Parse(response.Data["setup_url_expires_at"]!.GetValue<string>()).ToUniversalTime(),
                Is.EqualTo(DateTime.UtcNow.AddHours(72)).Within(TimeSpan.FromMinutes(1)));
        });

        var read = (await Api.GetAsync($"/api/v1/admin/staff/{id}", Admin)).ExpectStatus(HttpStatusCode.OK);
        Assert.That(read.Body, Does.Not.Contain("setup_url").And.Not.Contain("password"));

        var token = setupUrl[(setupUrl.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        Assert.That(DatabaseFileContains(token), Is.False, "a setup token is stored only as its hash");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM staff_setup_links WHERE token_hash = @hash", new { hash = Sha256(token) }), Is.EqualTo(1));
    }

    [Test]
    public async Task AddStaffMember_WithAnEmailTakenInAnotherCase_Returns409()
    {
        await Api.CreateStaffAsync("viewer", email: "grace@support.example");

        (await Api.PostAsync("/api/v1/admin/staff", Admin, new { email = "GRACE@support.example", name = "Grace", role = "viewer" }))
            .ExpectError(HttpStatusCode.Conflict, "STAFF_EMAIL_TAKEN");
    }

    [Test]
    public async Task AddStaffMember_WithBadFields_Returns422ForEach()
    {
        var response = await Api.PostAsync("/api/v1/admin/staff", Admin, new { email = "not an email", name = "  ", role = "owner" });

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.Json["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "email", "name", "role" }));
    }

    [Test]
    public async Task StaffKey_ActsWithTheMembersRole()
    {
        var viewer = await Api.CreateStaffAsync("viewer");
        var reviewer = await Api.CreateStaffAsync("reviewer");
        var environment = await Api.CreateEnvironmentAsync();
        var requestId = await Api.CreatePendingRequestAsync(environment);

        (await Api.GetAsync("/api/v1/admin/release-requests", viewer.Key)).ExpectStatus(HttpStatusCode.OK);
        (await Api.GetAsync($"/api/v1/admin/release-requests/{requestId}", viewer.Key)).ExpectStatus(HttpStatusCode.OK);

        var refused = await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/release-requests/{requestId}/approve", viewer.Key);
        refused.ExpectError(HttpStatusCode.Forbidden, "INSUFFICIENT_ROLE");
        Assert.That(refused.Json["message"]!.GetValue<string>(), Does.Contain("reviewer"));
        (await Api.PostAsync("/api/v1/admin/environments", reviewer.Key, new { name = "Nope" })).ExpectError(HttpStatusCode.Forbidden, "INSUFFICIENT_ROLE");
        (await Api.GetAsync("/api/v1/admin/staff", reviewer.Key)).ExpectError(HttpStatusCode.Forbidden, "INSUFFICIENT_ROLE");

        (await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/release-requests/{requestId}/approve", reviewer.Key)).ExpectStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task InsufficientRole_IsDecidedBeforeTheBodyIsRead()
    {
        var viewer = await Api.CreateStaffAsync("viewer");

        (await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/release-requests/{Guid.NewGuid()}/reject", viewer.Key, "{not json", "text/plain"))
            .ExpectError(HttpStatusCode.Forbidden, "INSUFFICIENT_ROLE");
    }

    [Test]
    public async Task CredentialsOfTheWrongKind_Return403Unauthorized()
    {
        var viewer = await Api.CreateStaffAsync("viewer");
        var environment = await Api.CreateEnvironmentAsync();

        (await Api.GetAsync("/api/v1/phone-numbers", viewer.Key)).ExpectError(HttpStatusCode.Forbidden, "UNAUTHORIZED");
        (await Api.GetAsync("/api/v1/admin/me", environment.Token)).ExpectError(HttpStatusCode.Forbidden, "UNAUTHORIZED");
        (await Api.GetAsync("/api/v1/admin/me", "tks_" + new string('A', 43))).ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Test]
    public async Task Me_NamesTheCaller()
    {
        var reviewer = await Api.CreateStaffAsync("reviewer", name: "Katherine Johnson");

        var system = (await Api.GetAsync("/api/v1/admin/me", Admin)).ExpectStatus(HttpStatusCode.OK);
        var staff = (await Api.GetAsync("/api/v1/admin/me", reviewer.Key)).ExpectStatus(HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(system.Data.ToJsonString(), Is.EqualTo("""{"type":"system","role":"admin"}"""));
            Assert.That(staff.Data["type"]!.GetValue<string>(), Is.EqualTo("staff"));
            Assert.That(staff.Data["role"]!.GetValue<string>(), Is.EqualTo("reviewer"));
            Assert.That(staff.Data["staff"]!["id"]!.GetValue<string>(), Is.EqualTo(reviewer.Id));
            Assert.That(staff.Data["staff"]!["name"]!.GetValue<string>(), Is.EqualTo("Katherine Johnson"));
        });
    }

    [Test]
    public async Task History_NamesTheCustomersTokenAndTheReviewerAsTheyWereAtTheDecision()
    {
        var reviewer = await Api.CreateStaffAsync("reviewer", name: "Dorothy Vaughan", email: "dorothy@support.example");
        var created = (await Api.PostAsync("/api/v1/admin/environments", Admin, new { name = "Acme" })).ExpectStatus(HttpStatusCode.Created);
        var environment = new TestEnvironment(created.Data["id"]!.GetValue<string>(), created.Data["token"]!.GetValue<string>());
        var tokenId = created.Data["token_id"]!.GetValue<string>();
        var requestId = await Api.CreatePendingRequestAsync(environment);

        (await Api.PostAsync($"/api/v1/admin/release-requests/{requestId}/approve", reviewer.Key, new { note = "Checked with the account owner." }))
            .ExpectStatus(HttpStatusCode.OK);
        (await Api.PatchAsync($"/api/v1/admin/staff/{reviewer.Id}", Admin, new { name = "Dorothy J. Vaughan" })).ExpectStatus(HttpStatusCode.OK);

        var history = (await Api.GetAsync($"/api/v1/admin/release-requests/{requestId}", reviewer.Key)).ExpectStatus(HttpStatusCode.OK).Data["history"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(history[0]!["actor"]!.ToJsonString(), Is.EqualTo($$"""{"type":"customer","token_id":"{{tokenId}}"}"""));
            Assert.That(history[1]!["actor"]!.ToJsonString(),
                Is.EqualTo($$"""{"type":"staff","id":"{{reviewer.Id}}","name":"Dorothy Vaughan","email":"dorothy@support.example"}"""));
        });

        var tenantView = (await Api.GetAsync($"/api/v1/phone-numbers/release-requests/{requestId}", environment.Token)).ExpectStatus(HttpStatusCode.OK);
        Assert.That(tenantView.Body, Does.Not.Contain("Dorothy").And.Not.Contain("dorothy@").And.Not.Contain(reviewer.Id), "customers never see who on the support team decided");
    }

    [Test]
    public async Task BootstrapKeyDecisions_AreRecordedAsTheSystem()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var requestId = await Api.CreatePendingRequestAsync(environment);

        (await Api.RejectAsync(requestId)).ExpectStatus(HttpStatusCode.OK);

        var history = (await Api.GetAsync($"/api/v1/admin/release-requests/{requestId}", Admin)).Data["history"]!.AsArray();
        Assert.That(history[1]!["actor"]!.ToJsonString(), Is.EqualTo("""{"type":"system"}"""));
    }

    [Test]
    public async Task DisablingAMember_StopsTheirKeysAtOnce_AndEnablingRestoresThem()
    {
        var viewer = await Api.CreateStaffAsync("viewer");
        (await Api.GetAsync("/api/v1/admin/me", viewer.Key)).ExpectStatus(HttpStatusCode.OK);

        (await Api.PatchAsync($"/api/v1/admin/staff/{viewer.Id}", Admin, new { status = "disabled" })).ExpectStatus(HttpStatusCode.OK);
        (await Api.GetAsync("/api/v1/admin/me", viewer.Key)).ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");

        (await Api.PatchAsync($"/api/v1/admin/staff/{viewer.Id}", Admin, new { status = "active" })).ExpectStatus(HttpStatusCode.OK);
        (await Api.GetAsync("/api/v1/admin/me", viewer.Key)).ExpectStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task ChangingARole_TakesEffectOnTheNextRequest()
    {
        var member = await Api.CreateStaffAsync("viewer");
        (await Api.GetAsync("/api/v1/admin/staff", member.Key)).ExpectError(HttpStatusCode.Forbidden, "INSUFFICIENT_ROLE");

        (await Api.PatchAsync($"/api/v1/admin/staff/{member.Id}", Admin, new { role = "admin" })).ExpectStatus(HttpStatusCode.OK);

        (await Api.GetAsync("/api/v1/admin/staff", member.Key)).ExpectStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task TheLastActiveAdmin_CannotBeDemotedOrDisabled()
    {
        var first = await Api.CreateStaffAsync("admin");
        var second = await Api.CreateStaffAsync("admin");
        await ExecuteDatabaseAsync("UPDATE staff_members SET role = 'viewer' WHERE role = 'admin' AND id NOT IN (@a, @b)", new { a = first.Id, b = second.Id });

        (await Api.PatchAsync($"/api/v1/admin/staff/{first.Id}", second.Key, new { role = "reviewer" })).ExpectStatus(HttpStatusCode.OK);

        (await Api.PatchAsync($"/api/v1/admin/staff/{second.Id}", second.Key, new { role = "viewer" })).ExpectError(HttpStatusCode.Conflict, "LAST_ADMIN");
        (await Api.PatchAsync($"/api/v1/admin/staff/{second.Id}", Admin, new { status = "disabled" })).ExpectError(HttpStatusCode.Conflict, "LAST_ADMIN");
        var after = (await Api.GetAsync($"/api/v1/admin/staff/{second.Id}", Admin)).Data;
        Assert.That((after["role"]!.GetValue<string>(), after["status"]!.GetValue<string>()), Is.EqualTo(("admin", "active")));

        // A rename of the last admin is no removal.
        (await Api.PatchAsync($"/api/v1/admin/staff/{second.Id}", second.Key, new { name = "Still admin" })).ExpectStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task TwoAdminsDemotingEachOtherAtOnce_LeaveOneAdmin()
    {
        for (var round = 0; round < 5; round++)
        {
            var first = await Api.CreateStaffAsync("admin");
            var second = await Api.CreateStaffAsync("admin");
            await ExecuteDatabaseAsync("UPDATE staff_members SET role = 'viewer' WHERE role = 'admin' AND id NOT IN (@a, @b)", new { a = first.Id, b = second.Id });

            var results = await Task.WhenAll(
                Api.PatchAsync($"/api/v1/admin/staff/{first.Id}", Admin, new { role = "viewer" }),
                Api.PatchAsync($"/api/v1/admin/staff/{second.Id}", Admin, new { role = "viewer" }));

            Assert.That(results.Select(r => r.Status), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            Assert.That(await CountAsync("SELECT COUNT(*) FROM staff_members WHERE role = 'admin' AND status = 'active'"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task ApiKeys_AreShownOnce_ListedWithoutTheKey_AndRevocable()
    {
        var viewer = await Api.CreateStaffAsync("viewer");

        var created = (await Api.PostAsync($"/api/v1/admin/staff/{viewer.Id}/api-keys", viewer.Key, new { name = "queue dashboard" })).ExpectStatus(HttpStatusCode.Created);
        var key = created.Data["key"]!.GetValue<string>();
        var keyId = created.Data["id"]!.GetValue<string>();
        Assert.That(key, Does.Match("^tks_[A-Za-z0-9_-]{43}$"));

        (await Api.GetAsync("/api/v1/admin/me", key)).ExpectStatus(HttpStatusCode.OK);

        // The use is recorded just after the response has left.
        ApiResponse listed;
        JsonNode entry;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            listed = (await Api.GetAsync($"/api/v1/admin/staff/{viewer.Id}/api-keys", viewer.Key)).ExpectStatus(HttpStatusCode.OK);
            entry = listed.Json["data"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == keyId)!;
        }
        while (entry["last_used_at"] is null && DateTime.UtcNow < deadline && await Task.Delay(50).ContinueWith(_ => true));

        Assert.Multiple(() =>
        {
            Assert.That(listed.Body, Does.Not.Contain(key).And.Not.Contain(Sha256(key)).And.Not.Contain("\"key\""));
            Assert.That(entry["name"]!.GetValue<string>(), Is.EqualTo("queue dashboard"));
            Assert.That(entry["last_used_at"], Is.Not.Null, "the key was used just now");
            Assert.That(DatabaseFileContains(key), Is.False);
        });

        (await Api.SendAsync(HttpMethod.Delete, $"/api/v1/admin/staff/{viewer.Id}/api-keys/{keyId}", viewer.Key)).ExpectStatus(HttpStatusCode.OK);
        (await Api.GetAsync("/api/v1/admin/me", key)).ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await Api.GetAsync("/api/v1/admin/me", viewer.Key)).ExpectStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task ApiKeysOfSomeoneElse_OnlyAnAdminManages()
    {
        var viewer = await Api.CreateStaffAsync("viewer");
        var other = await Api.CreateStaffAsync("reviewer");
        var admin = await Api.CreateStaffAsync("admin");

        (await Api.GetAsync($"/api/v1/admin/staff/{other.Id}/api-keys", viewer.Key)).ExpectError(HttpStatusCode.Forbidden, "INSUFFICIENT_ROLE");
        (await Api.PostAsync($"/api/v1/admin/staff/{other.Id}/api-keys", viewer.Key, new { name = "sneaky" })).ExpectError(HttpStatusCode.Forbidden, "INSUFFICIENT_ROLE");
        (await Api.GetAsync($"/api/v1/admin/staff/{other.Id}/api-keys", admin.Key)).ExpectStatus(HttpStatusCode.OK);
        (await Api.GetAsync($"/api/v1/admin/staff/{Guid.NewGuid()}/api-keys", admin.Key)).ExpectError(HttpStatusCode.NotFound, "STAFF_NOT_FOUND");
        (await Api.SendAsync(HttpMethod.Delete, $"/api/v1/admin/staff/{other.Id}/api-keys/{Guid.NewGuid()}", admin.Key)).ExpectError(HttpStatusCode.NotFound, "STAFF_API_KEY_NOT_FOUND");
    }

    [Test]
    public async Task SomeoneElsesKeys_AreRefusedBeforeTheBodyIsRead()
    {
        var viewer = await Api.CreateStaffAsync("viewer");
        var other = await Api.CreateStaffAsync("reviewer");

        var refused = await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/staff/{other.Id}/api-keys", viewer.Key, "{not json", "text/plain");

        refused.ExpectError(HttpStatusCode.Forbidden, "INSUFFICIENT_ROLE");
        Assert.That(refused.Json["message"]!.GetValue<string>(), Is.EqualTo("Only the member themselves or an admin may do this"));
        (await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/staff/{viewer.Id}/api-keys", viewer.Key, "{not json", "text/plain"))
            .ExpectError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Test]
    public async Task NewSetupLink_ReplacesTheEarlierOne()
    {
        var member = await Api.CreateStaffAsync("viewer");

        var reset = (await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/staff/{member.Id}/setup-link", Admin)).ExpectStatus(HttpStatusCode.Created);

        var url = reset.Data["setup_url"]!.GetValue<string>();
        Assert.That(url, Is.Not.EqualTo(member.SetupUrl));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM staff_setup_links WHERE staff_id = @id AND used_at IS NULL", new { id = member.Id }), Is.EqualTo(1));
        (await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/staff/{Guid.NewGuid()}/setup-link", Admin)).ExpectError(HttpStatusCode.NotFound, "STAFF_NOT_FOUND");
    }

    [Test]
    public async Task ListStaff_PagesOldestFirst()
    {
        var a = await Api.CreateStaffAsync("viewer");
        var b = await Api.CreateStaffAsync("viewer");

        var page = (await Api.GetAsync("/api/v1/admin/staff?per_page=100", Admin)).ExpectStatus(HttpStatusCode.OK);

        var ids = page.Json["data"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        Assert.That(ids.IndexOf(a.Id), Is.LessThan(ids.IndexOf(b.Id)).And.GreaterThanOrEqualTo(0));
        Assert.That(page.Json["meta"]!["total"]!.GetValue<int>(), Is.EqualTo(ids.Count));
    }

    [Test]
    public async Task IdempotentStaffWrites_ReplayOnlyToTheSameCredential()
    {
        var admin = await Api.CreateStaffAsync("admin");
        var secondKey = (await Api.PostAsync($"/api/v1/admin/staff/{admin.Id}/api-keys", admin.Key, new { name = "second" })).Data["key"]!.GetValue<string>();

        HttpRequestMessage Create(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/environments")
            {
                Content = new StringContent("""{"name":"Keyed"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", key);
            request.Headers.Add("Idempotency-Key", "create-keyed-environment");
            return request;
        }

        var first = (await Api.SendAsync(Create(admin.Key))).ExpectStatus(HttpStatusCode.Created);
        var replay = (await Api.SendAsync(Create(admin.Key))).ExpectStatus(HttpStatusCode.Created);
        var otherKey = await Api.SendAsync(Create(secondKey));

        Assert.Multiple(() =>
        {
            Assert.That(replay.Body, Is.EqualTo(first.Body));
            Assert.That(replay.Header("Idempotent-Replayed"), Is.EqualTo("true"));
            otherKey.ExpectError(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_MISMATCH");
            Assert.That(DatabaseFileContains(first.Data["token"]!.GetValue<string>()), Is.False, "the stored response is sealed");
        });
    }

    [Test]
    public async Task AdminRoutes_WithoutAnyCredential_Return401()
    {
        (await Api.GetAsync("/api/v1/admin/staff", null)).ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await Api.GetAsync("/api/v1/admin/me", null)).ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    private static string Sha256(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>Behind a proxy, setup links use the address people reach the console at.</summary>
public sealed class StaffPublicUrlTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Console:PublicUrl"] = "https://support.example.com/" };

    [Test]
    public async Task SetupLinks_UseTheConfiguredPublicAddress_WhateverTheHostHeader()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/staff")
        {
            Content = new StringContent("""{"email":"proxy@support.example","name":"Behind a proxy","role":"viewer"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", TalkoverApiFactory.AdminKey);
        request.Headers.Host = "evil.example";

        var response = (await Api.SendAsync(request)).ExpectStatus(HttpStatusCode.Created);

        Assert.That(response.Data["setup_url"]!.GetValue<string>(), Does.StartWith("https://support.example.com/console/setup?token="));
    }
}
