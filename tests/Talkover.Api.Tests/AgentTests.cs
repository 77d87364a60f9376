using System.Net;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

public sealed class AgentTests : ApiTestBase
{
    private TestEnvironment _environment = null!;

    [SetUp]
    public async Task CreateEnvironment() => _environment = await Api.CreateEnvironmentAsync();

    [Test]
    public async Task CreateAgent_WithOnlyAName_IsADraftWithDefaults()
    {
        var response = await Api.PostAsync("/api/v1/agents", _environment.Token, new { name = "  Support line  " });

        response.ExpectStatus(HttpStatusCode.Created);
        var data = response.Data;
        Assert.Multiple(() =>
        {
            Assert.That(data["name"]!.GetValue<string>(), Is.EqualTo("Support line"));
            Assert.That(data["language"]!.GetValue<string>(), Is.EqualTo("en-US"));
            Assert.That(data["direction"]!.GetValue<string>(), Is.EqualTo("inbound"));
            Assert.That(data["current_status"]!.GetValue<string>(), Is.EqualTo("draft"));
            Assert.That(data["phone_numbers"]!.AsArray(), Is.Empty);
            Assert.That(data.ContainsKey("label"), Is.False, "a field with no value is omitted");
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/agents/{data["id"]}"));
        });
    }

    [Test]
    public async Task CreateAgent_WithBadFields_ReportsEveryFieldAtOnce()
    {
        var response = await Api.PostAsync("/api/v1/agents", _environment.Token,
            new { label = new string('x', 256), language = "xx-XX", direction = "sideways" });

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.Json["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "name", "label", "language", "direction" }));
    }

    [Test]
    public async Task UpdateCalling_ReplacesTheSetAndOmittedIdsKeepIt()
    {
        var first = await Api.ProvisionAsync(_environment);
        var second = await Api.ProvisionAsync(_environment);
        var agent = await Api.CreateAgentAsync(_environment);

        var assigned = await Api.SetCallingAsync(_environment, agent, first, second);
        assigned.ExpectStatus(HttpStatusCode.OK);
        Assert.That(assigned.Json["message"]!.GetValue<string>(), Is.EqualTo("Agent calling settings updated successfully"));
        Assert.That(assigned.Data["phone_numbers"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()), Is.EquivalentTo(new[] { first, second }));

        var replaced = await Api.SetCallingAsync(_environment, agent, second);
        Assert.That(replaced.Data["phone_numbers"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()), Is.EqualTo(new[] { second }));

        var kept = await Api.PutAsync($"/api/v1/agents/{agent}/calling", _environment.Token, new { direction = "outbound" });
        kept.ExpectStatus(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(kept.Data["direction"]!.GetValue<string>(), Is.EqualTo("outbound"));
            Assert.That(kept.Data["phone_numbers"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()), Is.EqualTo(new[] { second }));
        });
    }

    [Test]
    public async Task UpdateCalling_WithUnknownOrForeignNumber_Returns422OnPhoneNumberIdsAndChangesNothing()
    {
        var mine = await Api.ProvisionAsync(_environment);
        var other = await Api.CreateEnvironmentAsync("Other tenant");
        var foreign = await Api.ProvisionAsync(other);
        var agent = await Api.CreateAgentAsync(_environment);
        (await Api.SetCallingAsync(_environment, agent, mine)).ExpectStatus(HttpStatusCode.OK);

        foreach (var bad in new[] { foreign, Guid.NewGuid().ToString() })
        {
            var response = await Api.SetCallingAsync(_environment, agent, bad);
            response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.That(response.FieldErrors("phone_number_ids"), Is.Not.Empty);
        }

        var agentNow = await Api.SendAsync(HttpMethod.Get, $"/api/v1/agents/{agent}", _environment.Token);
        Assert.That(agentNow.Data["phone_numbers"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()), Is.EqualTo(new[] { mine }));
    }

    [Test]
    public async Task UpdateCalling_WithANumberPendingRelease_Returns409()
    {
        var number = await Api.ProvisionAsync(_environment);
        var agent = await Api.CreateAgentAsync(_environment);
        (await Api.RequestReleaseAsync(_environment.Token, number)).ExpectStatus(HttpStatusCode.Created);

        var response = await Api.SetCallingAsync(_environment, agent, number);

        response.ExpectError(HttpStatusCode.Conflict, "PHONE_NUMBER_RELEASE_PENDING");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM agent_phone_numbers WHERE phone_number_id = @number", new { number }), Is.Zero);
    }

    [TestCase("{\"phone_number_ids\": []}", "direction")]
    [TestCase("{\"direction\": \"inbound\", \"phone_number_ids\": \"abc\"}", "phone_number_ids")]
    [TestCase("{\"direction\": \"inbound\", \"phone_number_ids\": [\"abc\"]}", "phone_number_ids")]
    [TestCase("{\"direction\": \"inbound\", \"phone_number_ids\": [1, 2]}", "phone_number_ids")]
    [TestCase("{\"direction\": \"up\"}", "direction")]
    [TestCase("{\"direction\": \"inbound\", \"phone_number_ids\": [\"\\ud800\"]}", "phone_number_ids")]
    public async Task UpdateCalling_WithBadBody_Returns422OnTheField(string body, string field)
    {
        var agent = await Api.CreateAgentAsync(_environment);

        var response = await Api.SendAsync(HttpMethod.Put, $"/api/v1/agents/{agent}/calling", _environment.Token, body);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors(field), Is.Not.Empty);
    }

    [Test]
    public async Task Agent_OfAnotherEnvironment_IsNotFound()
    {
        var other = await Api.CreateEnvironmentAsync("Other tenant");
        var othersAgent = await Api.CreateAgentAsync(other);

        (await Api.SendAsync(HttpMethod.Get, $"/api/v1/agents/{othersAgent}", _environment.Token)).ExpectError(HttpStatusCode.NotFound, "AGENT_NOT_FOUND");
        (await Api.PutAsync($"/api/v1/agents/{othersAgent}/calling", _environment.Token, new { direction = "outbound" }))
            .ExpectError(HttpStatusCode.NotFound, "AGENT_NOT_FOUND");
    }
}
