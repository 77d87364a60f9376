using System.Net;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>A customer follows and withdraws requests; support staff decide them; an approved number is gone.</summary>
public sealed class ReleaseLifecycleTests : ApiTestBase
{
    private TestEnvironment _environment = null!;

    [SetUp]
    public async Task CreateEnvironment() => _environment = await Api.CreateEnvironmentAsync();

    private static IEnumerable<string> Ids(ApiResponse response) => response.Json["data"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());

    [Test]
    public async Task ListReleaseRequests_IsNewestFirstWithMetaAndFilters()
    {
        var first = await Api.CreatePendingRequestAsync(_environment);
        var second = await Api.CreatePendingRequestAsync(_environment);
        var third = await Api.CreatePendingRequestAsync(_environment);
        (await Api.CancelAsync(_environment, second)).ExpectStatus(HttpStatusCode.OK);
        var other = await Api.CreateEnvironmentAsync();
        await Api.CreatePendingRequestAsync(other);

        var all = await Api.GetAsync("/api/v1/phone-numbers/release-requests", _environment.Token);
        var pending = await Api.GetAsync("/api/v1/phone-numbers/release-requests?status=pending", _environment.Token);
        var firstPage = await Api.GetAsync("/api/v1/phone-numbers/release-requests?per_page=2", _environment.Token);
        var secondPage = await Api.GetAsync("/api/v1/phone-numbers/release-requests?per_page=2&page=2", _environment.Token);
        var byNumber = await Api.GetAsync($"/api/v1/phone-numbers/release-requests?phone_number_id={(await Api.GetAsync($"/api/v1/phone-numbers/release-requests/{first}", _environment.Token)).Data["phone_number_id"]}", _environment.Token);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(all), Is.EqualTo(new[] { third, second, first }));
            Assert.That(all.Json["meta"]!.ToJsonString(), Is.EqualTo("""{"current_page":1,"per_page":20,"total":3,"last_page":1}"""));
            Assert.That(Ids(pending), Is.EqualTo(new[] { third, first }));
            Assert.That(Ids(firstPage).Concat(Ids(secondPage)), Is.EqualTo(new[] { third, second, first }), "paging neither skips nor repeats");
            Assert.That(secondPage.Json["meta"]!["last_page"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(Ids(byNumber), Is.EqualTo(new[] { first }));
        });
    }

    [Test]
    public async Task ListReleaseRequests_WithBadFiltersAndPaging_Returns422ListingEachField()
    {
        var response = await Api.GetAsync("/api/v1/phone-numbers/release-requests?status=done&phone_number_id=nope&page=0&per_page=101", _environment.Token);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.Json["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "status", "phone_number_id", "page", "per_page" }));
    }

    [TestCase("page=abc")]
    [TestCase("page=1.5")]
    [TestCase("per_page=-1")]
    [TestCase("page=1&page=2")]
    public async Task ListPhoneNumbers_WithNonNumericOrRepeatedPaging_Returns422(string query)
    {
        var response = await Api.GetAsync($"/api/v1/phone-numbers?{query}", _environment.Token);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
    }

    [Test]
    public async Task GetReleaseRequest_OmitsResolutionFieldsWhilePendingAndHidesOtherEnvironments()
    {
        var id = await Api.CreatePendingRequestAsync(_environment);
        var other = await Api.CreateEnvironmentAsync();

        var mine = await Api.GetAsync($"/api/v1/phone-numbers/release-requests/{id}", _environment.Token);
        var theirs = await Api.GetAsync($"/api/v1/phone-numbers/release-requests/{id}", other.Token);

        mine.ExpectStatus(HttpStatusCode.OK);
        Assert.That(mine.Data.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "phone_number_id", "phone_number", "reason", "status", "requested_at" }));
        theirs.ExpectError(HttpStatusCode.NotFound, "RELEASE_REQUEST_NOT_FOUND");
    }

    [Test]
    public async Task Cancel_MakesItCancelledOnceAndTheNumberCanBeRequestedAgain()
    {
        var number = await Api.ProvisionAsync(_environment);
        var id = await Api.CreatePendingRequestAsync(_environment, number);

        var cancelled = await Api.PostAsync($"/api/v1/phone-numbers/release-requests/{id}/cancel", _environment.Token, new { note = "Changed our mind." });
        var again = await Api.CancelAsync(_environment, id);
        var newRequest = await Api.RequestReleaseAsync(_environment.Token, number);

        cancelled.ExpectStatus(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Data["status"]!.GetValue<string>(), Is.EqualTo("cancelled"));
            Assert.That(cancelled.Data["resolution_note"]!.GetValue<string>(), Is.EqualTo("Changed our mind."));
            Assert.That(cancelled.Data["resolved_at"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"));
        });
        again.ExpectError(HttpStatusCode.Conflict, "RELEASE_REQUEST_NOT_PENDING");
        newRequest.ExpectStatus(HttpStatusCode.Created);
    }

    [Test]
    public async Task Cancel_OfAnotherEnvironmentsRequest_Returns404AndChangesNothing()
    {
        var other = await Api.CreateEnvironmentAsync();
        var theirs = await Api.CreatePendingRequestAsync(other);

        (await Api.CancelAsync(_environment, theirs)).ExpectError(HttpStatusCode.NotFound, "RELEASE_REQUEST_NOT_FOUND");

        Assert.That((await Api.GetAsync($"/api/v1/phone-numbers/release-requests/{theirs}", other.Token)).Data["status"]!.GetValue<string>(), Is.EqualTo("pending"));
    }

    [Test]
    public async Task ReviewQueue_IsPendingOldestFirstAcrossEnvironmentsWithEnvironmentIds()
    {
        var other = await Api.CreateEnvironmentAsync();
        var a = await Api.CreatePendingRequestAsync(_environment);
        var b = await Api.CreatePendingRequestAsync(other);
        var c = await Api.CreatePendingRequestAsync(_environment);
        (await Api.RejectAsync(c)).ExpectStatus(HttpStatusCode.OK);

        var queue = await Api.GetAsync($"/api/v1/admin/release-requests?per_page=100", TalkoverApiFactory.AdminKey);
        var mineOnly = await Api.GetAsync($"/api/v1/admin/release-requests?environment_id={_environment.Id}&status=rejected", TalkoverApiFactory.AdminKey);

        var queued = Ids(queue).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(queued, Does.Contain(a).And.Contain(b).And.Not.Contain(c));
            Assert.That(queued.IndexOf(a), Is.LessThan(queued.IndexOf(b)), "oldest first");
            Assert.That(queue.Json["data"]!.AsArray().First(i => i!["id"]!.GetValue<string>() == b)!["environment_id"]!.GetValue<string>(), Is.EqualTo(other.Id));
            Assert.That(Ids(mineOnly), Is.EqualTo(new[] { c }));
        });
    }

    [Test]
    public async Task Approve_ReleasesTheNumberForGood()
    {
        var number = await Api.ProvisionAsync(_environment);
        var agent = await Api.CreateAgentAsync(_environment);
        var id = await Api.CreatePendingRequestAsync(_environment, number);

        var approved = await Api.ApproveAsync(id, "Released at the customer's request.");

        approved.ExpectStatus(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(approved.Data["status"]!.GetValue<string>(), Is.EqualTo("approved"));
            Assert.That(approved.Data["environment_id"]!.GetValue<string>(), Is.EqualTo(_environment.Id));
            Assert.That(approved.Data["history"]!.AsArray().Select(h => h!["to_status"]!.GetValue<string>()), Is.EqualTo(new[] { "pending", "approved" }));
        });
        (await Api.GetAsync($"/api/v1/phone-numbers/{number}", _environment.Token)).ExpectError(HttpStatusCode.NotFound, "PHONE_NUMBER_NOT_FOUND");
        (await Api.RequestReleaseAsync(_environment.Token, number)).ExpectError(HttpStatusCode.NotFound, "PHONE_NUMBER_NOT_FOUND");
        (await Api.SetCallingAsync(_environment, agent, number)).ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(Ids(await Api.GetAsync("/api/v1/phone-numbers?per_page=100", _environment.Token)), Does.Not.Contain(number));
        Assert.That((await Api.GetAsync($"/api/v1/phone-numbers/release-requests/{id}", _environment.Token)).Data["status"]!.GetValue<string>(), Is.EqualTo("approved"),
            "the customer still sees the decision on their request");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM phone_numbers WHERE id = @number AND current_status = 'released'", new { number }), Is.EqualTo(1));
    }

    [Test]
    public async Task Approve_WhenTheNumberIsSomehowAssigned_Returns422AndLeavesItPending()
    {
        var number = await Api.ProvisionAsync(_environment);
        var agent = await Api.CreateAgentAsync(_environment);
        var id = await Api.CreatePendingRequestAsync(_environment, number);
        await ExecuteDatabaseAsync("INSERT INTO agent_phone_numbers (agent_id, phone_number_id) VALUES (@agent, @number)", new { agent, number });

        var response = await Api.ApproveAsync(id);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "PHONE_NUMBER_IN_USE");
        Assert.That((await Api.GetAsync($"/api/v1/admin/release-requests/{id}", TalkoverApiFactory.AdminKey)).Data["status"]!.GetValue<string>(), Is.EqualTo("pending"));
        (await Api.GetAsync($"/api/v1/phone-numbers/{number}", _environment.Token)).ExpectStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task SecondDecision_Returns409()
    {
        var approvedId = await Api.CreatePendingRequestAsync(_environment);
        var rejectedId = await Api.CreatePendingRequestAsync(_environment);
        (await Api.ApproveAsync(approvedId)).ExpectStatus(HttpStatusCode.OK);
        (await Api.RejectAsync(rejectedId)).ExpectStatus(HttpStatusCode.OK);

        (await Api.ApproveAsync(approvedId)).ExpectError(HttpStatusCode.Conflict, "RELEASE_REQUEST_NOT_PENDING");
        (await Api.RejectAsync(approvedId)).ExpectError(HttpStatusCode.Conflict, "RELEASE_REQUEST_NOT_PENDING");
        (await Api.ApproveAsync(rejectedId)).ExpectError(HttpStatusCode.Conflict, "RELEASE_REQUEST_NOT_PENDING");
        (await Api.CancelAsync(_environment, rejectedId)).ExpectError(HttpStatusCode.Conflict, "RELEASE_REQUEST_NOT_PENDING");
    }

    [TestCase(null)]
    [TestCase("too short")]
    public async Task Reject_WithoutAProperNote_Returns422(string? note)
    {
        var id = await Api.CreatePendingRequestAsync(_environment);

        var response = await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/release-requests/{id}/reject", TalkoverApiFactory.AdminKey,
            note is null ? "{}" : System.Text.Json.JsonSerializer.Serialize(new { note }));

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors("note"), Is.Not.Empty);
    }

    [Test]
    public async Task ReviewDetail_ShowsTheWholeHistory()
    {
        var number = await Api.ProvisionAsync(_environment);
        var first = await Api.CreatePendingRequestAsync(_environment, number);
        (await Api.CancelAsync(_environment, first)).ExpectStatus(HttpStatusCode.OK);
        var second = await Api.CreatePendingRequestAsync(_environment, number);
        (await Api.RejectAsync(second, "Still under contract until March.")).ExpectStatus(HttpStatusCode.OK);

        var detail = await Api.GetAsync($"/api/v1/admin/release-requests/{second}", TalkoverApiFactory.AdminKey);
        var firstDetail = await Api.GetAsync($"/api/v1/admin/release-requests/{first}", TalkoverApiFactory.AdminKey);

        var history = detail.Data["history"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(history.Select(h => (h!["from_status"]?.GetValue<string>(), h["to_status"]!.GetValue<string>(), h["actor"]!["type"]!.GetValue<string>())),
                Is.EqualTo(new (string?, string, string)[] { (null, "pending", "customer"), ("pending", "rejected", "system") }));
            Assert.That(history[1]!["note"]!.GetValue<string>(), Is.EqualTo("Still under contract until March."));
            Assert.That(history[1]!["occurred_at"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(firstDetail.Data["history"]!.AsArray().Select(h => h!["to_status"]!.GetValue<string>()), Is.EqualTo(new[] { "pending", "cancelled" }));
        });
    }

    [Test]
    public async Task ReleasedNumber_CanBeProvisionedAgain()
    {
        var e164 = ApiClient.NewNumber();
        var number = await Api.ProvisionAsync(_environment, e164);
        (await Api.ApproveAsync(await Api.CreatePendingRequestAsync(_environment, number))).ExpectStatus(HttpStatusCode.OK);

        var other = await Api.CreateEnvironmentAsync();
        var again = await Api.PostAsync($"/api/v1/admin/environments/{other.Id}/phone-numbers", TalkoverApiFactory.AdminKey, new { number = e164, country_code = "US" });

        again.ExpectStatus(HttpStatusCode.Created);
        Assert.That(again.Data["id"]!.GetValue<string>(), Is.Not.EqualTo(number));
    }

    [Test]
    public async Task RevokedToken_IsRefusedAtOnce()
    {
        var issued = await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/environments/{_environment.Id}/tokens", TalkoverApiFactory.AdminKey);
        var token = issued.Data["token"]!.GetValue<string>();
        var tokenId = issued.Data["id"]!.GetValue<string>();
        (await Api.GetAsync("/api/v1/agents", token)).ExpectStatus(HttpStatusCode.OK);

        var revoked = await Api.SendAsync(HttpMethod.Delete, $"/api/v1/admin/environments/{_environment.Id}/tokens/{tokenId}", TalkoverApiFactory.AdminKey);
        var revokedAgain = await Api.SendAsync(HttpMethod.Delete, $"/api/v1/admin/environments/{_environment.Id}/tokens/{tokenId}", TalkoverApiFactory.AdminKey);

        revoked.ExpectStatus(HttpStatusCode.OK);
        Assert.That(revokedAgain.Data["revoked_at"]!.GetValue<string>(), Is.EqualTo(revoked.Data["revoked_at"]!.GetValue<string>()));
        (await Api.GetAsync("/api/v1/agents", token)).ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await Api.GetAsync("/api/v1/agents", _environment.Token)).ExpectStatus(HttpStatusCode.OK);
        (await Api.SendAsync(HttpMethod.Delete, $"/api/v1/admin/environments/{_environment.Id}/tokens/{Guid.NewGuid()}", TalkoverApiFactory.AdminKey))
            .ExpectError(HttpStatusCode.NotFound, "TOKEN_NOT_FOUND");
    }
}
