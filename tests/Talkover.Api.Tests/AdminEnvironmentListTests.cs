using System.Net;
using System.Security.Cryptography;
using System.Text;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>GET /api/v1/admin/environments, GET /api/v1/admin/environments/{id} and the review queue's search and environment name.</summary>
public sealed class AdminEnvironmentListTests : ApiTestBase
{
    private const string Timestamp = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$";

    // Every environment of the fixture's database is listed, so each test names its own with a marker of its own.
    private static string NewMarker() => Guid.NewGuid().ToString("N")[..10];

    private static IEnumerable<string> Ids(ApiResponse response) => response.Json["data"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());

    private Task<ApiResponse> AdminGetAsync(string path) => Api.GetAsync(path, TalkoverApiFactory.AdminKey);

    private async Task<ApiResponse> ListAsync(string search, string paging = "") =>
        (await AdminGetAsync($"/api/v1/admin/environments?search={Uri.EscapeDataString(search)}{paging}")).ExpectStatus(HttpStatusCode.OK);

    [Test]
    public async Task ListEnvironments_NewestFirst_WithTheirFieldsOnly()
    {
        var marker = NewMarker();
        var alpha = await Api.CreateEnvironmentAsync($"Alpha {marker}");
        var beta = await Api.CreateEnvironmentAsync($"Beta {marker}", "enterprise");
        var gamma = await Api.CreateEnvironmentAsync($"Gamma {marker}");

        var list = await ListAsync(marker);
        var unfiltered = (await AdminGetAsync("/api/v1/admin/environments?per_page=3")).ExpectStatus(HttpStatusCode.OK);

        var second = list.Json["data"]![1]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(Ids(list), Is.EqualTo(new[] { gamma.Id, beta.Id, alpha.Id }), "newest first");
            Assert.That(Ids(unfiltered), Is.EqualTo(new[] { gamma.Id, beta.Id, alpha.Id }), "nothing newer was made meanwhile in this fixture");
            Assert.That(second.Select(p => p.Key), Is.EqualTo(new[] { "id", "name", "plan", "created_at" }));
            Assert.That(second["name"]!.GetValue<string>(), Is.EqualTo($"Beta {marker}"));
            Assert.That(second["plan"]!.GetValue<string>(), Is.EqualTo("enterprise"));
            Assert.That(second["created_at"]!.GetValue<string>(), Does.Match(Timestamp));
            Assert.That(list.Json["meta"]!.ToJsonString(), Is.EqualTo("""{"current_page":1,"per_page":20,"total":3,"last_page":1}"""));
            Assert.That(list.Body, Does.Not.Contain(alpha.Token).And.Not.Contain(Hash(alpha.Token)).And.Not.Contain("token"));
        });
    }

    [Test]
    public async Task ListEnvironments_SearchesPartOfTheNameIgnoringLetterCase_AndPages()
    {
        var marker = NewMarker();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Insert(0, (await Api.CreateEnvironmentAsync($"Shop {i} {marker}")).Id);
        }

        var other = await Api.CreateEnvironmentAsync($"Warehouse {marker}");

        var byName = await ListAsync($"SHOP 3 {marker.ToUpperInvariant()}");
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var response = await ListAsync(marker, $"&per_page=2&page={page}");
            seen.AddRange(Ids(response));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(Ids(byName), Is.EqualTo(new[] { ids[1] }), "ASCII letter case is ignored");
            Assert.That(Ids(await ListAsync($"warehouse {marker}")), Is.EqualTo(new[] { other.Id }));
            Assert.That(Ids(await ListAsync($"{marker}", "&per_page=2&page=4")), Is.Empty, "a page past the last is empty");
            var meta = (await ListAsync($"{marker}", "&per_page=2&page=2")).Json["meta"]!.AsObject();
            Assert.That(meta.Where(p => p.Key != "next_cursor").Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[] { "current_page=2", "per_page=2", "total=6", "last_page=3" }));
            Assert.That(meta["next_cursor"]?.GetValue<string>(), Is.Not.Empty, "a third page follows");
            Assert.That((await ListAsync($"{marker}", "&per_page=2&page=3")).Json["meta"]!.AsObject().ContainsKey("next_cursor"), Is.False, "nothing follows the last page");
            Assert.That(Ids(await ListAsync($"  Shop 0 {marker} ")), Is.EqualTo(new[] { ids[4] }), "the search is trimmed");
        });
        Assert.That(seen, Is.EqualTo(new[] { other.Id }.Concat(ids)), "the pages neither skip nor repeat");
    }

    [Test]
    public async Task ListEnvironments_WhenSearchHasLikeWildcards_MatchesThemLiterally()
    {
        var marker = NewMarker();
        var percent = await Api.CreateEnvironmentAsync($"100% {marker}");
        await Api.CreateEnvironmentAsync($"100 {marker}");
        var underscore = await Api.CreateEnvironmentAsync($"front_desk {marker}");
        await Api.CreateEnvironmentAsync($"frontXdesk {marker}");
        var bracket = await Api.CreateEnvironmentAsync($"[1] {marker}");
        await Api.CreateEnvironmentAsync($"1 {marker}");

        Assert.Multiple(async () =>
        {
            Assert.That(Ids(await ListAsync($"% {marker}")), Is.EqualTo(new[] { percent.Id }));
            Assert.That(Ids(await ListAsync($"t_desk {marker}")), Is.EqualTo(new[] { underscore.Id }));
            Assert.That(Ids(await ListAsync($"[1] {marker}")), Is.EqualTo(new[] { bracket.Id }));
            Assert.That(Ids(await ListAsync("%%%")), Is.Empty);
        });
    }

    [TestCase("%00", "search must not contain control characters")]
    [TestCase("shop%0A", "search must not contain control characters")]
    [TestCase("%7F", "search must not contain control characters")]
    public async Task ListEnvironments_WhenSearchHasAControlCharacter_Returns422OnSearch(string search, string message)
    {
        var response = await AdminGetAsync($"/api/v1/admin/environments?search={search}");

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors("search"), Is.EqualTo(new[] { message }));
    }

    [Test]
    public async Task ListEnvironments_WithBadSearchAndPaging_Returns422ListingEachField()
    {
        var response = await AdminGetAsync($"/api/v1/admin/environments?search={new string('a', 101)}&page=0&per_page=101");

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.Json["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "search", "page", "per_page" }));
        Assert.That(response.FieldErrors("search"), Is.EqualTo(new[] { "search must be at most 100 characters" }));
    }

    [Test]
    public async Task GetEnvironment_ShowsTokensWithTheirUseAndCountsOnlyActiveNumbersAndPendingRequests()
    {
        var environment = await Api.CreateEnvironmentAsync($"Detail {NewMarker()}", "professional");
        var second = (await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/environments/{environment.Id}/tokens", TalkoverApiFactory.AdminKey))
            .ExpectStatus(HttpStatusCode.Created).Data;
        var secondId = second["id"]!.GetValue<string>();
        var secondToken = second["token"]!.GetValue<string>();
        (await Api.SendAsync(HttpMethod.Delete, $"/api/v1/admin/environments/{environment.Id}/tokens/{secondId}", TalkoverApiFactory.AdminKey))
            .ExpectStatus(HttpStatusCode.OK);

        // Pending, approved (the number is released), cancelled (the number stays active), and one never requested.
        await Api.CreatePendingRequestAsync(environment);
        (await Api.ApproveAsync(await Api.CreatePendingRequestAsync(environment))).ExpectStatus(HttpStatusCode.OK);
        (await Api.CancelAsync(environment, await Api.CreatePendingRequestAsync(environment))).ExpectStatus(HttpStatusCode.OK);
        await Api.ProvisionAsync(environment);

        var detail = await UntilFirstTokenIsUsedAsync(environment.Id);

        var data = detail.Data;
        var tokens = data["tokens"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(data.Select(p => p.Key), Is.EqualTo(new[] { "id", "name", "plan", "created_at", "tokens", "active_phone_numbers", "pending_release_requests" }));
            Assert.That(data["id"]!.GetValue<string>(), Is.EqualTo(environment.Id));
            Assert.That(data["plan"]!.GetValue<string>(), Is.EqualTo("professional"));
            Assert.That(data["active_phone_numbers"]!.GetValue<long>(), Is.EqualTo(3), "the released number is not active");
            Assert.That(data["pending_release_requests"]!.GetValue<long>(), Is.EqualTo(1), "approved and cancelled requests are not pending");

            Assert.That(tokens, Has.Count.EqualTo(2));
            Assert.That(tokens[0].Select(p => p.Key), Is.EqualTo(new[] { "id", "created_at", "last_used_at" }), "used, not revoked");
            Assert.That(tokens[1].Select(p => p.Key), Is.EqualTo(new[] { "id", "created_at", "revoked_at" }), "revoked, never used");
            Assert.That(tokens[1]["id"]!.GetValue<string>(), Is.EqualTo(secondId), "oldest first");
            Assert.That(
                tokens.SelectMany(t => t.Where(p => p.Key != "id").Select(p => p.Value!.GetValue<string>())),
                Has.All.Match(Timestamp));
            Assert.That(
                DateTime.Parse(tokens[0]["last_used_at"]!.GetValue<string>()),
                Is.GreaterThanOrEqualTo(DateTime.Parse(tokens[0]["created_at"]!.GetValue<string>())));

            foreach (var secret in new[] { environment.Token, secondToken })
            {
                Assert.That(detail.Body, Does.Not.Contain(secret).And.Not.Contain(Hash(secret)), "never a token or its hash");
            }

            Assert.That(detail.Body, Does.Not.Contain("hash"));
        });
    }

    [Test]
    public async Task GetEnvironment_ForUnknownOrMalformedId_Returns404Or422()
    {
        var unknown = await AdminGetAsync($"/api/v1/admin/environments/{Guid.NewGuid()}");
        var malformed = await AdminGetAsync("/api/v1/admin/environments/not-a-uuid");

        unknown.ExpectError(HttpStatusCode.NotFound, "ENVIRONMENT_NOT_FOUND");
        malformed.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(malformed.FieldErrors("environment_id"), Is.EqualTo(new[] { "environment_id must be a valid UUID" }));
    }

    [Test]
    public async Task ReviewQueue_SearchesPartOfTheNumber_AndNamesEachItemsEnvironment()
    {
        var environment = await Api.CreateEnvironmentAsync($"Queue {NewMarker()}");
        var number = ApiClient.NewNumber();
        var requestId = await Api.CreatePendingRequestAsync(environment, await Api.ProvisionAsync(environment, number));
        await Api.CreatePendingRequestAsync(environment);

        var found = (await AdminGetAsync($"/api/v1/admin/release-requests?search={Uri.EscapeDataString(number[^7..])}")).ExpectStatus(HttpStatusCode.OK);
        var whole = (await AdminGetAsync($"/api/v1/admin/release-requests?search={Uri.EscapeDataString(number)}&environment_id={environment.Id}")).ExpectStatus(HttpStatusCode.OK);
        var queue = (await AdminGetAsync($"/api/v1/admin/release-requests?environment_id={environment.Id}")).ExpectStatus(HttpStatusCode.OK);
        var literal = (await AdminGetAsync("/api/v1/admin/release-requests?search=%25")).ExpectStatus(HttpStatusCode.OK);
        var control = await AdminGetAsync("/api/v1/admin/release-requests?search=555%00");

        var item = found.Json["data"]![0]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(Ids(found), Is.EqualTo(new[] { requestId }));
            Assert.That(Ids(whole), Is.EqualTo(new[] { requestId }));
            Assert.That(found.Json["meta"]!["total"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(item["environment_id"]!.GetValue<string>(), Is.EqualTo(environment.Id));
            Assert.That(item["environment_name"]!.GetValue<string>(), Does.StartWith("Queue "));
            Assert.That(item.Select(p => p.Key).TakeLast(2), Is.EqualTo(new[] { "environment_id", "environment_name" }));
            Assert.That(queue.Json["data"]!.AsArray().Select(i => i!["environment_name"]!.GetValue<string>()).ToList(), Has.Count.EqualTo(2).And.All.StartWith("Queue "));
            Assert.That(Ids(literal), Is.Empty, "% is a literal, not a wildcard");
            control.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.That(control.FieldErrors("search"), Is.EqualTo(new[] { "search must not contain control characters" }));
        });
    }

    [Test]
    public async Task ReviewRequest_ReadAlone_HasNoEnvironmentName()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var requestId = await Api.CreatePendingRequestAsync(environment);

        var response = (await AdminGetAsync($"/api/v1/admin/release-requests/{requestId}")).ExpectStatus(HttpStatusCode.OK);

        Assert.That(response.Data.ContainsKey("environment_name"), Is.False, "only the queue's items carry it; a field without a value is omitted");
    }

    [TestCase("/api/v1/admin/environments")]
    [TestCase("/api/v1/admin/environments?search=shop")]
    [TestCase("/api/v1/admin/environments/{id}")]
    [TestCase("/api/v1/admin/environments/not-a-uuid")]
    [TestCase("/api/v1/admin/release-requests?search=555")]
    public async Task AdminReads_WithATenantToken_Return403(string path)
    {
        var environment = await Api.CreateEnvironmentAsync();

        var response = await Api.GetAsync(path.Replace("{id}", environment.Id, StringComparison.Ordinal), environment.Token);

        response.ExpectError(HttpStatusCode.Forbidden, "UNAUTHORIZED");
    }

    /// <summary>
    /// The environment's detail once its first token shows a use. The use is recorded just after the
    /// response leaves, so the read right after it may come first; a few tries cover that.
    /// </summary>
    private async Task<ApiResponse> UntilFirstTokenIsUsedAsync(string environmentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var detail = (await AdminGetAsync($"/api/v1/admin/environments/{environmentId}")).ExpectStatus(HttpStatusCode.OK);
            if (detail.Data["tokens"]![0]!.AsObject().ContainsKey("last_used_at") || DateTime.UtcNow > deadline)
            {
                return detail;
            }

            await Task.Delay(50);
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
