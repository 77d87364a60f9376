using System.Net;
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
    public async Task OpenApiDocument_DescribesTheReleaseRouteWithoutAuth()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/openapi/v1.json");

        response.ExpectStatus(HttpStatusCode.OK);
        Assert.That(response.Json["paths"]!.AsObject().Select(p => p.Key), Does.Contain("/api/v1/phone-numbers/{phone_number_id}/request-release"));
    }

    [Test]
    public async Task ReferencePage_IsServedAtDocs()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/docs");

        response.ExpectStatus(HttpStatusCode.OK);
        Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/html"));
    }
}
