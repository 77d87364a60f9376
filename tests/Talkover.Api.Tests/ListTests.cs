using System.Net;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>GET /api/v1/phone-numbers and GET /api/v1/agents: fields, filters, order, paging.</summary>
public sealed class ListTests : ApiTestBase
{
    private TestEnvironment _environment = null!;

    [SetUp]
    public async Task CreateEnvironment() => _environment = await Api.CreateEnvironmentAsync();

    private static IEnumerable<string> Ids(ApiResponse response) => response.Json["data"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());

    private async Task<string> ProvisionAsync(string number, string type = "voice", bool voice = true, bool whatsapp = false)
    {
        var response = await Api.PostAsync($"/api/v1/admin/environments/{_environment.Id}/phone-numbers", TalkoverApiFactory.AdminKey,
            new { number, country_code = "US", type, has_voice = voice, has_whatsapp = whatsapp });
        return response.ExpectStatus(HttpStatusCode.Created).Data["id"]!.GetValue<string>();
    }

    [Test]
    public async Task ListPhoneNumbers_FiltersByTypeCapabilitiesAndSearch()
    {
        // +1554 keeps these hand-made numbers out of ApiClient.NewNumber's +1555 range, so no other test in the fixture can take one.
        var stem = "+1554" + ApiClient.NewNumber()[5..^3];
        var voice = await ProvisionAsync(stem + "101");
        var whatsapp = await ProvisionAsync(stem + "202", type: "whatsapp", voice: false, whatsapp: true);
        var sms = await ProvisionAsync(stem + "303", type: "sms", voice: false);

        async Task<IEnumerable<string>> Query(string query) => Ids((await Api.GetAsync($"/api/v1/phone-numbers?{query}", _environment.Token)).ExpectStatus(HttpStatusCode.OK));

        Assert.Multiple(async () =>
        {
            Assert.That(await Query(""), Is.EqualTo(new[] { sms, whatsapp, voice }), "newest first");
            Assert.That(await Query("type=whatsapp"), Is.EqualTo(new[] { whatsapp }));
            Assert.That(await Query("has_voice=true"), Is.EqualTo(new[] { voice }));
            Assert.That(await Query("has_voice=false"), Is.EqualTo(new[] { sms, whatsapp }));
            Assert.That(await Query("has_whatsapp=true"), Is.EqualTo(new[] { whatsapp }));
            Assert.That(await Query($"search={Uri.EscapeDataString(stem[^4..] + "20")}"), Is.EqualTo(new[] { whatsapp }));
            Assert.That(await Query($"search={sms}"), Is.EqualTo(new[] { sms }), "an exact id matches too");
            Assert.That(await Query("search=%25"), Is.Empty, "% is a literal, not a wildcard");
        });
    }

    [Test]
    public async Task ListPhoneNumbers_ShowsAgentsAndPendingRequestPerNumber()
    {
        var held = await ProvisionAsync(ApiClient.NewNumber());
        var pending = await ProvisionAsync(ApiClient.NewNumber());
        var agent = await Api.CreateAgentAsync(_environment, "Sales line");
        (await Api.SetCallingAsync(_environment, agent, held)).ExpectStatus(HttpStatusCode.OK);
        var requestId = await Api.CreatePendingRequestAsync(_environment, pending);

        var list = await Api.GetAsync("/api/v1/phone-numbers", _environment.Token);

        var items = list.Json["data"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>());
        Assert.Multiple(() =>
        {
            Assert.That(items[held]!["agents"]!.ToJsonString(), Is.EqualTo($$"""[{"id":"{{agent}}","name":"Sales line","direction":"inbound"}]"""));
            Assert.That(items[held]!.AsObject().ContainsKey("pending_release_request_id"), Is.False);
            Assert.That(items[pending]!["agents"]!.AsArray(), Is.Empty);
            Assert.That(items[pending]!["pending_release_request_id"]!.GetValue<string>(), Is.EqualTo(requestId));
            Assert.That(items[held]!["formatted_number"]!.GetValue<string>(), Does.StartWith("(555) "));
        });
    }

    [TestCase("type=pager", "type")]
    [TestCase("has_voice=yes", "has_voice")]
    [TestCase("has_whatsapp=1", "has_whatsapp")]
    public async Task ListPhoneNumbers_WithBadFilter_Returns422OnIt(string query, string field)
    {
        var response = await Api.GetAsync($"/api/v1/phone-numbers?{query}", _environment.Token);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors(field), Is.Not.Empty);
    }

    [Test]
    public async Task ListPhoneNumbers_PagesWithoutSkippingOrRepeating()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Insert(0, await ProvisionAsync(ApiClient.NewNumber()));
        }

        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var response = await Api.GetAsync($"/api/v1/phone-numbers?per_page=3&page={page}", _environment.Token);
            seen.AddRange(Ids(response));
            var meta = response.Json["meta"]!.AsObject();
            Assert.That(meta.Where(p => p.Key != "next_cursor").Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[] { $"current_page={page}", "per_page=3", "total=7", "last_page=3" }));
            Assert.That(meta.ContainsKey("next_cursor"), Is.EqualTo(page < 3), "a cursor while more rows follow");
        }

        Assert.That(seen, Is.EqualTo(ids));
    }

    [Test]
    public async Task ListAgents_FiltersByDirectionAndNameAndShowsNumbers()
    {
        var number = await ProvisionAsync(ApiClient.NewNumber());
        var inbound = await Api.CreateAgentAsync(_environment, "Support desk");
        var outbound = (await Api.PostAsync("/api/v1/agents", _environment.Token, new { name = "Outbound sales", direction = "outbound" }))
            .ExpectStatus(HttpStatusCode.Created).Data["id"]!.GetValue<string>();
        (await Api.SetCallingAsync(_environment, inbound, number)).ExpectStatus(HttpStatusCode.OK);

        var all = await Api.GetAsync("/api/v1/agents", _environment.Token);
        var outboundOnly = await Api.GetAsync("/api/v1/agents?direction=outbound", _environment.Token);
        var byName = await Api.GetAsync("/api/v1/agents?search=SUPPORT", _environment.Token);
        var drafts = await Api.GetAsync("/api/v1/agents?status=draft", _environment.Token);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(all), Is.EqualTo(new[] { outbound, inbound }));
            Assert.That(all.Json["meta"]!["total"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(Ids(outboundOnly), Is.EqualTo(new[] { outbound }));
            Assert.That(Ids(byName), Is.EqualTo(new[] { inbound }), "name search ignores letter case");
            Assert.That(Ids(drafts), Is.EqualTo(new[] { outbound, inbound }));
            Assert.That(all.Json["data"]![1]!["phone_numbers"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()), Is.EqualTo(new[] { number }));
        });
    }

    [Test]
    public async Task ListAgents_WithBadFilters_Returns422ListingEachField()
    {
        var response = await Api.GetAsync("/api/v1/agents?status=live&direction=up&per_page=0", _environment.Token);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.Json["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "status", "direction", "per_page" }));
    }

    [TestCase("/api/v1/phone-numbers", "%00")]
    [TestCase("/api/v1/phone-numbers", "%2B1555%00")]
    [TestCase("/api/v1/phone-numbers", "555%0A")]
    [TestCase("/api/v1/agents", "%00")]
    [TestCase("/api/v1/agents", "desk%09")]
    [TestCase("/api/v1/agents", "%7F")]
    [TestCase("/api/v1/agents", "%C2%85")]
    public async Task Lists_WhenSearchHasAControlCharacter_Return422OnSearch(string path, string search)
    {
        await Api.ProvisionAsync(_environment);
        await Api.CreateAgentAsync(_environment);

        var response = await Api.GetAsync($"{path}?search={search}", _environment.Token);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.Json["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "search" }));
        Assert.That(response.FieldErrors("search"), Is.EqualTo(new[] { "search must not contain control characters" }));
    }

    [Test]
    public async Task Lists_NeverShowAnotherEnvironmentsData()
    {
        var other = await Api.CreateEnvironmentAsync();
        await Api.ProvisionAsync(other);
        await Api.CreateAgentAsync(other);
        await Api.CreatePendingRequestAsync(other);

        foreach (var path in new[] { "/api/v1/phone-numbers", "/api/v1/agents", "/api/v1/phone-numbers/release-requests" })
        {
            var response = await Api.GetAsync(path, _environment.Token);
            Assert.That(response.Json["data"]!.AsArray(), Is.Empty, path);
        }
    }
}
