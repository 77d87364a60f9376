using System.Net;
using System.Text.Json.Nodes;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>
/// Paging at any depth: <c>cursor</c> continues a list after a page, the offset window ends at 10,000 rows,
/// totals come from counters (exact) or stop at the window for a filtered list, and a cursor only works for
/// the list, filters and environment it came from.
/// </summary>
public sealed class ListPagingTests : ApiTestBase
{
    private TestEnvironment _environment = null!;

    [SetUp]
    public async Task CreateEnvironment() => _environment = await Api.CreateEnvironmentAsync();

    private static List<string> Ids(ApiResponse response) => [.. response.Json["data"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];

    private static JsonObject Meta(ApiResponse response) => response.Json["meta"]!.AsObject();

    private static string? NextCursor(ApiResponse response) => Meta(response)["next_cursor"]?.GetValue<string>();

    private Task<ApiResponse> NumbersAsync(string query) => Api.GetAsync($"/api/v1/phone-numbers?{query}", _environment.Token);

    [Test]
    public async Task Cursor_WalksEveryNumberNewestFirst_WithoutSkippingOrRepeating_EvenWhenNumbersArriveMeanwhile()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Insert(0, await Api.ProvisionAsync(_environment));
        }

        var first = (await NumbersAsync("per_page=3")).ExpectStatus(HttpStatusCode.OK);
        var arrivedLater = await Api.ProvisionAsync(_environment);
        var second = (await NumbersAsync($"per_page=3&cursor={NextCursor(first)}")).ExpectStatus(HttpStatusCode.OK);
        var third = (await NumbersAsync($"per_page=3&cursor={NextCursor(second)}")).ExpectStatus(HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(first).Concat(Ids(second)).Concat(Ids(third)), Is.EqualTo(ids), "a number added meanwhile shifts no page after a cursor");
            Assert.That(Ids(third), Does.Not.Contain(arrivedLater));
            Assert.That(new[] { first, second, third }.Select(r => Meta(r)["current_page"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(Meta(third)["total"]!.GetValue<long>(), Is.EqualTo(8), "the total counts the number added meanwhile");
            Assert.That(NextCursor(third), Is.Null, "nothing follows the last number");
            Assert.That(Meta(third).ContainsKey("total_capped"), Is.False, "an exact total says nothing more");
        });
    }

    [TestCase(20, 500, true)]
    [TestCase(20, 501, false)]
    [TestCase(100, 100, true)]
    [TestCase(100, 101, false)]
    [TestCase(1, 10_000, true)]
    [TestCase(1, 10_001, false)]
    public async Task Page_InsideTheWindowIsServed_BeyondItIs422PointingToCursor(int perPage, int page, bool served)
    {
        var response = await NumbersAsync($"per_page={perPage}&page={page}");

        if (served)
        {
            Assert.That(Ids(response.ExpectStatus(HttpStatusCode.OK)), Is.Empty, "a page past the last is empty");
            return;
        }

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors("page"), Has.Some.Contains($"at most {10_000 / perPage}").And.Some.Contains("cursor"));
    }

    [TestCase("cursor=AAAA", "cursor")]
    [TestCase("cursor=not+a+cursor", "cursor")]
    public async Task Cursor_WhenMalformed_Is422OnCursor(string query, string field)
    {
        var response = await NumbersAsync(query);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors(field), Is.Not.Empty);
    }

    [Test]
    public async Task Cursor_WithPage_Is422OnCursor()
    {
        await Api.ProvisionAsync(_environment);
        await Api.ProvisionAsync(_environment);
        var cursor = NextCursor(await NumbersAsync("per_page=1"));

        var response = await NumbersAsync($"per_page=1&page=2&cursor={cursor}");

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors("cursor"), Has.Some.Contains("page"));
    }

    [Test]
    public async Task Cursor_FromAnotherFilterListOrEnvironment_Is422OnCursor()
    {
        await Api.ProvisionAsync(_environment);
        await Api.ProvisionAsync(_environment);
        await Api.CreateAgentAsync(_environment, "First agent");
        await Api.CreateAgentAsync(_environment, "Second agent");
        var other = await Api.CreateEnvironmentAsync("Another environment");
        await Api.ProvisionAsync(other);
        await Api.ProvisionAsync(other);
        var cursor = NextCursor(await NumbersAsync("per_page=1&has_voice=true"));
        Assert.That(cursor, Is.Not.Null);

        var sameList = await NumbersAsync($"per_page=1&has_voice=true&cursor={cursor}");
        var otherFilter = await NumbersAsync($"per_page=1&has_voice=false&cursor={cursor}");
        var noFilter = await NumbersAsync($"per_page=1&cursor={cursor}");
        var otherList = await Api.GetAsync($"/api/v1/agents?per_page=1&cursor={cursor}", _environment.Token);
        var otherEnvironment = await Api.GetAsync($"/api/v1/phone-numbers?per_page=1&has_voice=true&cursor={cursor}", other.Token);

        Assert.Multiple(() =>
        {
            Assert.That(sameList.Status, Is.EqualTo(HttpStatusCode.OK), sameList.Body);
            foreach (var refused in new[] { otherFilter, noFilter, otherList, otherEnvironment })
            {
                refused.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
                Assert.That(refused.FieldErrors("cursor"), Has.Some.Contains("not a cursor of this list"));
            }
        });
    }

    [Test]
    public async Task Totals_ComeFromCounters_ExactForTheWholeList_CappedAtTheWindowWhenFiltered_AndCursorReadsPastIt()
    {
        // 10,050 numbers written straight to the database, as an import would: the triggers count them.
        const int Numbers = 10_050;
        var prefix = "+1551" + Random.Shared.Next(100, 999);
        await ExecuteDatabaseAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @Numbers)
            INSERT INTO phone_numbers (id, environment_id, number, country_code, type, has_voice, has_sms, has_mms, has_fax, has_whatsapp,
                is_sandbox, current_status, current_price, currency, renewal_date, auto_renewal, monthly_renewal_cost, created_at, updated_at)
            SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
                @EnvironmentId, @Prefix || printf('%04d', i), 'US', 'sms', 1, 0, 0, 0, 0, 0, 'active', NULL, NULL, NULL, 0, NULL,
                strftime('%Y-%m-%dT%H:%M:%S', '2026-01-01', '+' || i || ' seconds') || '.0000000Z', '2026-01-01T00:00:00.0000000Z'
            FROM n
            """,
            new { Numbers, EnvironmentId = _environment.Id, Prefix = prefix });

        var whole = (await NumbersAsync("per_page=100")).ExpectStatus(HttpStatusCode.OK);
        var filtered = (await NumbersAsync("per_page=100&type=sms")).ExpectStatus(HttpStatusCode.OK);
        var lastInWindow = (await NumbersAsync("per_page=100&type=sms&page=100")).ExpectStatus(HttpStatusCode.OK);
        var pastWindow = (await NumbersAsync($"per_page=100&type=sms&cursor={NextCursor(lastInWindow)}")).ExpectStatus(HttpStatusCode.OK);
        var searched = (await NumbersAsync($"search={Uri.EscapeDataString(prefix + "12")}")).ExpectStatus(HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(Meta(whole)["total"]!.GetValue<long>(), Is.EqualTo(Numbers), "the whole list's total is exact");
            Assert.That(Meta(whole)["last_page"]!.GetValue<long>(), Is.EqualTo(101));
            Assert.That(Meta(whole).ContainsKey("total_capped"), Is.False);
            Assert.That(Meta(filtered)["total"]!.GetValue<long>(), Is.EqualTo(10_000), "a filtered total stops at the window");
            Assert.That(Meta(filtered)["total_capped"]!.GetValue<bool>(), Is.True);
            Assert.That(Meta(filtered)["last_page"]!.GetValue<long>(), Is.EqualTo(100));
            Assert.That(Ids(lastInWindow), Has.Count.EqualTo(100));
            Assert.That(NextCursor(lastInWindow), Is.Not.Null, "rows follow the window");
            Assert.That(Ids(pastWindow), Has.Count.EqualTo(50), "the cursor reads the 50 oldest, past the window");
            Assert.That(Meta(pastWindow)["current_page"]!.GetValue<int>(), Is.EqualTo(101));
            Assert.That(NextCursor(pastWindow), Is.Null);
            Assert.That(Ids(searched), Has.Count.EqualTo(20), "numbers 1200–1299 of the import: a page of 20");
            Assert.That(Meta(searched)["total"]!.GetValue<long>(), Is.EqualTo(100), "a search's total is exact under the window");
        });
    }

    [Test]
    public async Task Totals_FollowReleasesAndDecisions_OnTheNumberListTheRequestListsAndTheEnvironment()
    {
        var numbers = new[] { await Api.ProvisionAsync(_environment), await Api.ProvisionAsync(_environment), await Api.ProvisionAsync(_environment) };
        var approved = await Api.CreatePendingRequestAsync(_environment, numbers[0]);
        var rejected = await Api.CreatePendingRequestAsync(_environment, numbers[1]);
        await Api.CreatePendingRequestAsync(_environment, numbers[2]);
        (await Api.ApproveAsync(approved)).ExpectStatus(HttpStatusCode.OK);
        (await Api.RejectAsync(rejected)).ExpectStatus(HttpStatusCode.OK);

        async Task<long> TotalAsync(string path, string token) => Meta((await Api.GetAsync(path, token)).ExpectStatus(HttpStatusCode.OK))["total"]!.GetValue<long>();
        var admin = TalkoverApiFactory.AdminKey;
        var detail = (await Api.GetAsync($"/api/v1/admin/environments/{_environment.Id}", admin)).ExpectStatus(HttpStatusCode.OK).Data;

        Assert.Multiple(async () =>
        {
            Assert.That(await TotalAsync("/api/v1/phone-numbers", _environment.Token), Is.EqualTo(2), "the released number left the list");
            Assert.That(await TotalAsync("/api/v1/phone-numbers/release-requests", _environment.Token), Is.EqualTo(3));
            Assert.That(await TotalAsync("/api/v1/phone-numbers/release-requests?status=pending", _environment.Token), Is.EqualTo(1));
            Assert.That(await TotalAsync("/api/v1/phone-numbers/release-requests?status=approved", _environment.Token), Is.EqualTo(1));
            Assert.That(await TotalAsync($"/api/v1/phone-numbers/release-requests?phone_number_id={numbers[1]}", _environment.Token), Is.EqualTo(1));
            Assert.That(await TotalAsync($"/api/v1/admin/release-requests?environment_id={_environment.Id}", admin), Is.EqualTo(1));
            Assert.That(await TotalAsync($"/api/v1/admin/release-requests?environment_id={_environment.Id}&status=rejected", admin), Is.EqualTo(1));
            Assert.That(detail["active_phone_numbers"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(detail["pending_release_requests"]!.GetValue<long>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ReviewQueue_ByCursor_WalksOldestFirstWithoutSkippingOrRepeating()
    {
        var requests = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            requests.Add(await Api.CreatePendingRequestAsync(_environment));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await Api.GetAsync(
                $"/api/v1/admin/release-requests?environment_id={_environment.Id}&per_page=2{(cursor is null ? "" : "&cursor=" + cursor)}",
                TalkoverApiFactory.AdminKey)).ExpectStatus(HttpStatusCode.OK);
            seen.AddRange(Ids(page));
            cursor = NextCursor(page);
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.That(seen, Is.EqualTo(requests));
        Assert.That(pages, Is.EqualTo(3));
    }
}
