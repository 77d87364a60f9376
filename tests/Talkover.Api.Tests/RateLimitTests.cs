using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>Per-environment limits by plan, with the headers every response carries. The clock is fake, so windows are exact.</summary>
public sealed class RateLimitTests : ApiTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 15, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:StandardPerMinute"] = "5",
        ["RateLimits:AnonymousPerMinute"] = "5",
        ["RateLimits:ProfessionalPerMinute"] = "8",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));

    [Test]
    public async Task Requests_OverThePlanLimit_Get429WithRetryAfterAndOtherEnvironmentsAreUnaffected()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var other = await Api.CreateEnvironmentAsync();
        var agentPath = $"/api/v1/agents/{Guid.NewGuid()}";

        var answers = new List<ApiResponse>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await Api.SendAsync(HttpMethod.Get, agentPath, environment.Token));
        }

        Assert.Multiple(() =>
        {
            Assert.That(answers.Take(5).Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.NotFound));
            Assert.That(answers.Select(a => a.Header("X-RateLimit-Limit")), Is.All.EqualTo("5"));
            Assert.That(answers.Select(a => a.Header("X-RateLimit-Remaining")), Is.EqualTo(new[] { "4", "3", "2", "1", "0", "0" }));
            Assert.That(answers.Select(a => a.Header("X-RateLimit-Reset")), Is.All.EqualTo("45"));
        });
        answers[5].ExpectError(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.That(answers[5].Header("Retry-After"), Is.EqualTo("45"));

        var otherAnswer = await Api.SendAsync(HttpMethod.Get, agentPath, other.Token);
        Assert.That(otherAnswer.Status, Is.EqualTo(HttpStatusCode.NotFound));

        _clock.Advance(TimeSpan.FromSeconds(45));
        var nextWindow = await Api.SendAsync(HttpMethod.Get, agentPath, environment.Token);
        Assert.That((nextWindow.Status, nextWindow.Header("X-RateLimit-Remaining"), nextWindow.Header("X-RateLimit-Reset")),
            Is.EqualTo((HttpStatusCode.NotFound, "4", "60")));
    }

    [Test]
    public async Task Requests_OnAProfessionalPlan_GetTheProfessionalLimit()
    {
        var environment = await Api.CreateEnvironmentAsync(plan: "professional");

        var response = await Api.SendAsync(HttpMethod.Get, $"/api/v1/agents/{Guid.NewGuid()}", environment.Token);

        Assert.That(response.Header("X-RateLimit-Limit"), Is.EqualTo("8"));
    }

    [Test]
    public async Task HealthAndTheApiDescription_AfterAFloodOfBadTokens_StillAnswer()
    {
        for (var i = 0; i < 6; i++)
        {
            await Api.SendAsync(HttpMethod.Get, "/api/v1/agents", "talq_not-a-real-token");
        }

        var flooded = await Api.SendAsync(HttpMethod.Get, "/api/v1/agents", "talq_not-a-real-token");
        var health = await Api.GetAsync("/api/v1/health", null);
        var document = await Api.SendAsync(HttpMethod.Get, "/openapi/v1.json");
        var reference = await Api.SendAsync(HttpMethod.Get, "/docs");

        flooded.ExpectError(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.That((health.Status, document.Status, reference.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(health.Header("X-RateLimit-Limit"), Is.Null, "health is not counted at all");
    }
}

/// <summary>Staff credentials are limited per member, each in a bucket of their own.</summary>
public sealed class StaffRateLimitTests : ApiTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 15, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:StaffPerMinute"] = "6" };

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));

    [Test]
    public async Task AStaffMemberOverTheStaffLimit_Gets429_AndAnotherMemberIsUnaffected()
    {
        var first = await Api.CreateStaffAsync("viewer");
        var second = await Api.CreateStaffAsync("viewer");

        var answers = new List<ApiResponse>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(await Api.GetAsync("/api/v1/admin/me", first.Key));
        }

        Assert.That(answers.Take(6).Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(answers[0].Header("X-RateLimit-Limit"), Is.EqualTo("6"));
        answers[6].ExpectError(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        (await Api.GetAsync("/api/v1/admin/me", second.Key)).ExpectStatus(HttpStatusCode.OK);
    }
}

/// <summary>The console's pages without a session are limited per address, apart from the API's anonymous callers.</summary>
public sealed class ConsoleRateLimitTests : ApiTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 15, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:AnonymousPerMinute"] = "5" };

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));

    [Test]
    public async Task AFloodOfBadApiTokens_DoesNotLockTheSignInPage_WhichHasItsOwnLimit()
    {
        for (var i = 0; i < 6; i++)
        {
            await Api.SendAsync(HttpMethod.Get, "/api/v1/agents", "talq_not-a-real-token");
        }

        (await Api.SendAsync(HttpMethod.Get, "/api/v1/agents", "talq_not-a-real-token")).ExpectError(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        var pages = new List<ApiResponse>();
        for (var i = 0; i < 6; i++)
        {
            pages.Add(await Api.SendAsync(HttpMethod.Get, "/console/sign-in"));
        }

        Assert.That(pages.Take(5).Select(p => p.Status), Is.All.EqualTo(HttpStatusCode.OK), "the API's flood counts apart");
        Assert.That(pages[5].Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "guessing passwords from one address is throttled");
        Assert.That(pages[5].ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(pages[5].Body, Does.Contain("Too many requests"));
        Assert.That(pages[5].Header("Retry-After"), Is.EqualTo("45"));
        Assert.That((await Api.SendAsync(HttpMethod.Get, "/console/assets/console.css")).Status, Is.EqualTo(HttpStatusCode.OK), "assets are never limited");
    }
}

/// <summary>
/// Requests without a valid credential count per client address in a bucket of their own, and never against
/// health, metrics, the API description or the reference page, at the default limits.
/// </summary>
public sealed class RateLimitExemptionTests : ApiTestBase
{
    // A fixed clock: a thousand requests must fall in one window whenever the test runs.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 15, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));

    [Test]
    public async Task AThousandBadTokensFromOneAddress_LeaveHealthDocsAndMetricsAnswering_AndValidCallersUnaffected()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var answers = new ApiResponse[1000];
        await Parallel.ForAsync(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            answers[i] = await Api.SendAsync(HttpMethod.Get, "/api/v1/agents", "talq_not-a-real-token"));

        Assert.That(answers.Count(a => a.Status == HttpStatusCode.Unauthorized), Is.EqualTo(100), "the anonymous limit is 100 a minute per address");
        Assert.That(answers.Count(a => a.Status == HttpStatusCode.TooManyRequests), Is.EqualTo(900));
        var rejected = answers.First(a => a.Status == HttpStatusCode.TooManyRequests);
        rejected.ExpectError(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.That(rejected.Header("Retry-After"), Is.Not.Null);

        var health = await Api.GetAsync("/api/v1/health", null);
        Assert.That(health.Status, Is.EqualTo(HttpStatusCode.OK), health.Body);
        Assert.That(health.Header("X-RateLimit-Limit"), Is.Null, "health is not counted at all");
        foreach (var path in new[] { "/openapi/v1.json", "/docs" })
        {
            var response = await Api.SendAsync(HttpMethod.Get, path);
            Assert.That((response.Status, response.Header("X-RateLimit-Limit")), Is.EqualTo((HttpStatusCode.OK, (string?)null)), path);
        }

        // The probes and the scrape answer as if nothing happened: a load balancer keeps the node in rotation.
        foreach (var path in new[] { "/health/live", "/health/ready", "/metrics" })
        {
            var response = await Api.SendAsync(HttpMethod.Get, path);
            Assert.That((response.Status, response.Header("X-RateLimit-Limit")), Is.EqualTo((HttpStatusCode.OK, (string?)null)), path);
        }

        var valid = await Api.GetAsync("/api/v1/agents", environment.Token);
        Assert.That((valid.Status, valid.Header("X-RateLimit-Limit")), Is.EqualTo((HttpStatusCode.OK, "100")), "a valid token counts in its environment's bucket");
    }
}
