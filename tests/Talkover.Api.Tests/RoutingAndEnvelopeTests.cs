using System.Net;
using System.Text.Json.Nodes;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>Whatever goes wrong, the answer is the error envelope, never an HTML page or an empty body.</summary>
public sealed class RoutingAndEnvelopeTests : ApiTestBase
{
    [TestCase("GET", "/")]
    [TestCase("GET", "/api/v1/nothing-here")]
    [TestCase("POST", "/api/v1/phone-numbers/not/a/route")]
    [TestCase("DELETE", "/api/v2/phone-numbers")]
    public async Task UnmatchedRoute_Returns404NotFoundEnvelope(string method, string path)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path);

        response.ExpectError(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [TestCase("GET", "/api/v1/phone-numbers/00000000-0000-0000-0000-000000000001/request-release")]
    [TestCase("DELETE", "/api/v1/phone-numbers/00000000-0000-0000-0000-000000000001/request-release")]
    [TestCase("PATCH", "/api/v1/agents/00000000-0000-0000-0000-000000000001/calling")]
    [TestCase("DELETE", "/api/v1/health")]
    public async Task WrongVerb_Returns405Envelope(string method, string path)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path);

        response.ExpectError(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Test]
    public async Task Health_WhenDatabaseIsUp_ReportsHealthy()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/api/v1/health");

        response.ExpectStatus(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(response.Data["status"]!.GetValue<string>(), Is.EqualTo("healthy"));
            Assert.That(response.Data["database"]!.GetValue<string>(), Is.EqualTo("up"));
            Assert.That(response.Data["version"]!.GetValue<string>(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task OpenApiDocument_DescribesTheReleaseRouteItsBodyErrorsAndSchemeWithoutAuth()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/openapi/v1.json");

        response.ExpectStatus(HttpStatusCode.OK);
        var release = response.Json["paths"]!["/api/v1/phone-numbers/{phone_number_id}/request-release"]!["post"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Resolve(response.Json, release["requestBody"]!["content"]!["application/json"]!["schema"]!)["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "reason" }));
            Assert.That(RouteAndQueryParameters(release), Is.EqualTo(new[] { ("phone_number_id", "path") }));
            Assert.That(release["responses"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "201", "400", "401", "404", "409", "413", "415", "422" }));
            Assert.That(release["responses"]!["409"]!["description"]!.GetValue<string>(), Does.Contain("RELEASE_ALREADY_PENDING"));
            Assert.That(release["responses"]!["422"]!["description"]!.GetValue<string>(), Does.Contain("PHONE_NUMBER_IN_USE").And.Contain("VALIDATION_ERROR"));
            Assert.That(release["security"]![0]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "environment_token" }));
            Assert.That(response.Json["components"]!["securitySchemes"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "environment_token", "staff_key" }));
        });
    }

    [Test]
    public async Task OpenApiDocument_DescribesListFiltersAndPaging()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/openapi/v1.json");

        var list = response.Json["paths"]!["/api/v1/phone-numbers/release-requests"]!["get"]!;
        Assert.That(RouteAndQueryParameters(list),
            Is.EquivalentTo(new[] { ("status", "query"), ("phone_number_id", "query"), ("page", "query"), ("per_page", "query"), ("cursor", "query") }));
    }

    private static IEnumerable<(string Name, string In)> RouteAndQueryParameters(JsonNode operation) =>
        operation["parameters"]!.AsArray()
            .Select(p => (p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>()))
            .Where(p => p.Item2 is "path" or "query");

    /// <summary>The schema itself, following a <c>$ref</c> to the document's components.</summary>
    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference.Split('/')[^1]]!
            : schema;

    [Test]
    public async Task OpenApiDocument_ListsEveryRoute()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/openapi/v1.json");

        Assert.That(response.Json["paths"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[]
        {
            "/api/v1/phone-numbers/{phone_number_id}/request-release",
            "/api/v1/phone-numbers/{phone_number_id}",
            "/api/v1/agents",
            "/api/v1/agents/{agent_id}",
            "/api/v1/agents/{agent_id}/calling",
            "/api/v1/admin/environments",
            "/api/v1/admin/environments/{environment_id}/tokens",
            "/api/v1/admin/environments/{environment_id}/phone-numbers",
            "/api/v1/health",
            "/api/v1/phone-numbers",
            "/api/v1/phone-numbers/release-requests",
            "/api/v1/phone-numbers/release-requests/{request_id}",
            "/api/v1/phone-numbers/release-requests/{request_id}/cancel",
            "/api/v1/admin/environments/{environment_id}/tokens/{token_id}",
            "/api/v1/admin/release-requests",
            "/api/v1/admin/release-requests/{request_id}",
            "/api/v1/admin/release-requests/{request_id}/approve",
            "/api/v1/admin/release-requests/{request_id}/reject",
        }));
    }

    [Test]
    public async Task ReferencePage_IsServedAtDocs()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/docs");

        response.ExpectStatus(HttpStatusCode.OK);
        Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/html"));
    }
}
