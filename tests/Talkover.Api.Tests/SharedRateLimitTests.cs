using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>
/// Two instances of the service over one database and one Redis (<c>Redis:Configuration</c>): a plan's limit is
/// one count across both; with Redis gone each instance keeps serving and counts on its own, warns once a
/// minute and counts the failures in <c>talkover.rate_limit.store_failures</c>; with Redis back they share again.
/// The clock is fake (one for both instances), so windows are exact.
/// </summary>
[NonParallelizable]
public sealed class SharedRateLimitTests
{
    private const string Unreachable = "Rate-limit counters in Redis are unreachable";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 15, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _firstLogs = new();
    private readonly CapturingLoggerProvider _secondLogs = new();
    private RedisServer _redis = null!;
    private TalkoverApiFactory _first = null!;
    private TalkoverApiFactory _second = null!;
    private ApiClient _a = null!;
    private ApiClient _b = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = _redis.Configuration,
            ["RateLimits:StandardPerMinute"] = "5",
        };
        _first = new TalkoverApiFactory(settings, services => Configure(services, _firstLogs));
        _a = new ApiClient(_first.CreateClient());
        settings["ConnectionStrings:Talkover"] = _first.ConnectionString;
        _second = new TalkoverApiFactory(settings, services => Configure(services, _secondLogs));
        _b = new ApiClient(_second.CreateClient());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _a?.Http.Dispose();
        _b?.Http.Dispose();
        _second?.Dispose();
        _first?.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Test]
    public async Task APlansLimit_IsOneCountAcrossInstances()
    {
        var environment = await _a.CreateEnvironmentAsync();

        var answers = new List<ApiResponse>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(await (i % 2 == 0 ? _a : _b).GetAsync("/api/v1/agents", environment.Token));
        }

        Assert.That(answers.Take(5).Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(answers.Select(a => a.Header("X-RateLimit-Remaining")), Is.EqualTo(new[] { "4", "3", "2", "1", "0", "0", "0" }));
        Assert.That(answers.Select(a => a.Header("X-RateLimit-Reset")), Is.All.EqualTo("45"));
        answers[5].ExpectError(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        answers[6].ExpectError(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.That(answers[6].Header("Retry-After"), Is.EqualTo("45"));
    }

    [Test]
    public async Task RedisDown_EachInstanceServesAndCountsOnItsOwn_WarnsOnce_AndSharesAgainWhenRedisIsBack()
    {
        var environment = await _a.CreateEnvironmentAsync();
        using var failures = new FailureCount(_first.Services.GetRequiredService<IMeterFactory>());

        await _redis.KillAsync();
        var onA = new List<ApiResponse>();
        for (var i = 0; i < 6; i++)
        {
            onA.Add(await _a.GetAsync("/api/v1/agents", environment.Token));
        }

        var onB = await _b.GetAsync("/api/v1/agents", environment.Token);

        Assert.Multiple(() =>
        {
            Assert.That(onA.Take(5).Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.OK), "served while Redis is down");
            Assert.That(onA.Select(a => a.Header("X-RateLimit-Remaining")), Is.EqualTo(new[] { "4", "3", "2", "1", "0", "0" }));
            Assert.That(onA[5].Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "the limit still holds in each instance");
            Assert.That((onB.Status, onB.Header("X-RateLimit-Remaining")), Is.EqualTo((HttpStatusCode.OK, "4")), "the other instance counts on its own");
            Assert.That(failures.Total, Is.EqualTo(6), "every request decided without Redis is counted");
            Assert.That(_firstLogs.Lines.Count(l => l.Contains(Unreachable, StringComparison.Ordinal)), Is.EqualTo(1), "one warning a minute, not one a request");
            Assert.That(_secondLogs.Lines.Count(l => l.Contains(Unreachable, StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(_firstLogs.Lines.Where(l => l.Contains(Unreachable, StringComparison.Ordinal)), Has.All.Contains("Warning"));
        });

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _a.GetAsync("/api/v1/agents", environment.Token);
        Assert.That(_firstLogs.Lines.Count(l => l.Contains(Unreachable, StringComparison.Ordinal)), Is.EqualTo(2), "and again a minute later while it lasts");

        await _redis.StartAgainAsync();
        var shared = await _a.CreateEnvironmentAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var before = failures.Total;
        while (true)
        {
            // Past any open circuit; the client reconnects by itself within a second or two.
            _clock.Advance(TimeSpan.FromSeconds(6));
            before = failures.Total;
            var probe = await _a.GetAsync("/api/v1/agents", shared.Token);
            if (failures.Total == before && probe.Status == HttpStatusCode.OK)
            {
                break;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the instance never went back to Redis");
            await Task.Delay(200);
        }

        // Reconnected: a fresh environment's window, counted across both instances again.
        var fresh = await _a.CreateEnvironmentAsync();
        await WaitUntilConnectedAsync(_b, fresh);
        var first = await _a.GetAsync("/api/v1/agents", fresh.Token);
        var second = await _b.GetAsync("/api/v1/agents", fresh.Token);
        Assert.That((first.Header("X-RateLimit-Remaining"), second.Header("X-RateLimit-Remaining")), Is.EqualTo(("3", "2")));
    }

    /// <summary>Until the second instance counts in Redis again (one request of <paramref name="environment"/> spent on it).</summary>
    private async Task WaitUntilConnectedAsync(ApiClient client, TestEnvironment environment)
    {
        var second = _second.Services.GetRequiredService<Talkover.Api.RateLimiting.RedisWindowCounter>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!second.IsConnected)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the second instance never reconnected");
            await Task.Delay(100);
        }

        (await client.GetAsync("/api/v1/agents", environment.Token)).ExpectStatus(HttpStatusCode.OK);
    }

    private void Configure(IServiceCollection services, CapturingLoggerProvider logs)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
        services.AddLogging(logging => logging.AddProvider(logs));
    }

    /// <summary>The sum of one host's <c>talkover.rate_limit.store_failures</c> since this was made.</summary>
    private sealed class FailureCount : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public FailureCount(IMeterFactory host)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "talkover.rate_limit.store_failures" && instrument.Meter.Scope == host)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary>A Redis that never answers: the service starts, serves at once on its own counts, and its warning names no password.</summary>
public sealed class UnreachableRedisTests : ApiTestBase
{
    private const string RedisPassword = "s3cret-redis-password";
    private readonly CapturingLoggerProvider _logs = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 15, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Redis:Configuration"] = $"127.0.0.1:{ServiceProcess.FreePort()},password={RedisPassword}",
        ["RateLimits:StandardPerMinute"] = "3",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
        services.AddLogging(logging => logging.AddProvider(_logs));
    }

    [Test]
    public async Task RequestsAreServedQuickly_OnThisInstancesCount_WithAWarningThatNamesNoPassword()
    {
        var environment = await Api.CreateEnvironmentAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answers = new List<ApiResponse>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await Api.GetAsync("/api/v1/agents", environment.Token));
        }

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "no request waits on the unreachable Redis");
        Assert.That(answers.Select(a => a.Status), Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(_logs.Lines, Has.Some.Contains("Rate-limit counters in Redis are unreachable"));
        Assert.That(_logs.Lines, Has.None.Contains(RedisPassword));
    }
}
