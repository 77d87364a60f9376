using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>Behind a trusted proxy every client has its own anonymous bucket, and its scheme is the one the proxy saw.</summary>
public sealed class TrustedProxyTests : ApiTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 15, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = "192.0.2.10, 127.0.0.1",
        ["RateLimits:AnonymousPerMinute"] = "3",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));

    [Test]
    public async Task TwoClientsBehindTheProxy_GetSeparateAnonymousBuckets()
    {
        var first = new List<ApiResponse>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await ForwardedAsync("/api/v1/agents", "203.0.113.7"));
        }

        var second = await ForwardedAsync("/api/v1/agents", "203.0.113.8");

        Assert.That(first.Select(a => a.Status), Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        first[3].ExpectError(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        second.ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.That(second.Header("X-RateLimit-Remaining"), Is.EqualTo("2"), "the second client starts a bucket of its own");
    }

    [Test]
    public async Task AClientWritingItsOwnForwardedFor_IsStillCountedAtTheAddressTheProxySaw()
    {
        // The proxy appends the address it saw to whatever the client sent; only that last entry is believed.
        var answers = new List<ApiResponse>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await ForwardedAsync("/api/v1/agents", $"198.51.100.{i + 1}, 203.0.113.50"));
        }

        Assert.That(answers[3].Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task TheForwardedScheme_MakesTheConsolesCookiesSecure()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/console/sign-in");
        request.Headers.Add("X-Forwarded-For", "203.0.113.60");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var page = await Api.SendAsync(request);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Headers.GetValues("Set-Cookie"), Has.Some.Contains("secure"));
    }

    private Task<ApiResponse> ForwardedAsync(string path, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "talq_not-a-real-token");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return Api.SendAsync(request);
    }
}

/// <summary>From a sender that is not a listed proxy, X-Forwarded-For and -Proto are ignored: nobody picks their own bucket.</summary>
public sealed class UntrustedForwardedHeadersTests : ApiTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 15, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = "192.0.2.10",
        ["RateLimits:AnonymousPerMinute"] = "3",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));

    [Test]
    public async Task AnUntrustedSendersForwardedFor_IsIgnored()
    {
        var answers = new List<ApiResponse>();
        for (var i = 0; i < 4; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/agents");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "talq_not-a-real-token");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            answers.Add(await Api.SendAsync(request));
        }

        Assert.That(answers.Select(a => a.Status), Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }),
            "every request counted against the socket's address");
    }

    [Test]
    public async Task AnUntrustedSendersForwardedProto_LeavesTheCookiesAsTheConnectionIs()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/console/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var page = await Api.SendAsync(request);

        Assert.That(page.Headers.GetValues("Set-Cookie"), Has.None.Contains("secure"));
    }
}
