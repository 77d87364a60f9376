using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests.Operations;

/// <summary>Liveness, readiness and the API's health route: what a load balancer and an orchestrator see.</summary>
public sealed class HealthEndpointTests : ApiTestBase
{
    // Two anonymous requests a minute: health must not count against them.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:AnonymousPerMinute"] = "2" };

    [Test, Order(1)]
    public async Task Ready_WhenTheDatabaseAnswers_Is200AndNeverRateLimited()
    {
        for (var i = 0; i < 5; i++)
        {
            (await Api.GetAsync("/api/v1/phone-numbers", "talq_" + new string('C', 43))).ExpectStatus(i < 2 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests);
        }

        for (var i = 0; i < 5; i++)
        {
            var (status, body) = await GetAsync("/health/ready");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("healthy"));
            Assert.That(body["checks"]!["database"]!.GetValue<string>(), Is.EqualTo("healthy"));
            Assert.That((await GetAsync("/health/live")).Status, Is.EqualTo(HttpStatusCode.OK));
            (await Api.GetAsync("/api/v1/health", null)).ExpectStatus(HttpStatusCode.OK);
        }
    }

    [Test, Order(2)]
    public async Task Ready_WhenTheDatabaseIsGone_Is503WhileLiveStays200()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm", "" })
        {
            File.Delete(Factory.DbPath + suffix);
        }

        try
        {
            var (ready, body) = await GetAsync("/health/ready");
            var (live, _) = await GetAsync("/health/live");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(ready, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body.ToJsonString());
                Assert.That(body["checks"]!["database"]!.GetValue<string>(), Is.EqualTo("unhealthy"));
                Assert.That(live, Is.EqualTo(HttpStatusCode.OK), "liveness checks no dependency");
            }

            (await Api.GetAsync("/api/v1/health", null)).ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string path)
    {
        using var response = await Api.Http.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
