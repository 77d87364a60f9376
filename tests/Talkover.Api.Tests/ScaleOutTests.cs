using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>
/// Three instances of the real process over one SQLite file and one redis-server, requests spread across them:
/// every rule holds across processes — pending uniqueness, release against assignment, idempotency keys, a
/// plan's limit (one count, not one per instance), console sessions — and with Redis killed the instances keep
/// serving, each counting on its own, and warn.
/// </summary>
[NonParallelizable]
public sealed partial class ScaleOutTests
{
    private const string Password = "correct horse battery staple";

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"talkover-scale-out-{Guid.NewGuid():N}.db");
    private RedisServer _redis = null!;
    private RunningService[] _instances = [];

    private ApiClient Admin => _instances[0].Api;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Redis__Configuration"] = _redis.Configuration,
            ["RateLimits__StandardPerMinute"] = "100",
        };
        var connectionString = $"Data Source={_dbPath}";

        // The first applies the migrations; the other two start together on the migrated file.
        var first = await RunningService.StartAsync(connectionString, settings);
        _instances = [first];
        _instances = [first, .. await Task.WhenAll(RunningService.StartAsync(connectionString, settings), RunningService.StartAsync(connectionString, settings))];
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_dbPath + suffix);
        }
    }

    [Test]
    [Order(1)]
    public async Task ThirtyTwoReleaseRequestsForOneNumber_SpreadOverThreeInstances_CreateExactlyOne()
    {
        var environment = await Admin.CreateEnvironmentAsync(plan: "enterprise");
        var number = await Admin.ProvisionAsync(environment);

        var responses = await Together.FireAsync(Enumerable.Range(0, 32).Select(i => (Func<Task<ApiResponse>>)(() => On(i).RequestReleaseAsync(environment.Token, number))));

        Assert.That(responses.Count(r => r.Status == HttpStatusCode.Created), Is.EqualTo(1), Together.Describe(responses));
        Assert.That(responses.Count(r => r.Status == HttpStatusCode.Conflict && r.Code == "RELEASE_ALREADY_PENDING"), Is.EqualTo(31), Together.Describe(responses));
    }

    [Test]
    [Order(2)]
    public async Task ReleaseRacingAssignment_OnDifferentInstances_NeverBothSucceed([Range(1, 6)] int round)
    {
        var environment = await Admin.CreateEnvironmentAsync(plan: "enterprise");
        var number = await Admin.ProvisionAsync(environment);
        var agent = await Admin.CreateAgentAsync(environment);

        var responses = await Together.FireAsync(
        [
            () => On(round).RequestReleaseAsync(environment.Token, number),
            () => On(round + 1).SetCallingAsync(environment, agent, number),
        ]);
        var (release, assign) = (responses[0], responses[1]);

        var releaseWon = release.Status == HttpStatusCode.Created && assign.Status == HttpStatusCode.Conflict && assign.Code == "PHONE_NUMBER_RELEASE_PENDING";
        var assignWon = assign.Status == HttpStatusCode.OK && release.Status == HttpStatusCode.UnprocessableEntity && release.Code == "PHONE_NUMBER_IN_USE";
        Assert.That(releaseWon || assignWon, Is.True, $"release: {release.Status} {release.Body}; assign: {assign.Status} {assign.Body}");
    }

    [Test]
    [Order(3)]
    public async Task OneIdempotencyKeySentToAllThreeInstances_CreatesOneResource()
    {
        var environment = await Admin.CreateEnvironmentAsync(plan: "enterprise");
        var name = $"Keyed {Guid.NewGuid():N}";

        var responses = await Together.FireAsync(Enumerable.Range(0, 6).Select(i => (Func<Task<ApiResponse>>)(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agents")
            {
                Content = new StringContent($$"""{"name": "{{name}}"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", environment.Token);
            request.Headers.Add("Idempotency-Key", "scale-out-key");
            return On(i).SendAsync(request);
        })));

        var created = responses.Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.That(created, Is.Not.Empty, Together.Describe(responses));
        Assert.That(created.Count(r => r.Header("Idempotent-Replayed") is null), Is.EqualTo(1), "one ran; the others replayed it");
        Assert.That(created.Select(r => r.Data["id"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(responses.Where(r => r.Status != HttpStatusCode.Created).Select(r => (r.Status, r.Code)),
            Is.All.EqualTo((HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_IN_USE")), Together.Describe(responses));
        var listed = await On(2).GetAsync($"/api/v1/agents?search={Uri.EscapeDataString(name)}", environment.Token);
        Assert.That(listed.Json["meta"]!["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    [Order(4)]
    public async Task AStandardPlansHundredAMinute_IsAHundredAcrossThreeInstances_NotThreeHundred()
    {
        var environment = await Admin.CreateEnvironmentAsync();
        await WaitForRoomInTheMinuteAsync();

        var answers = new ApiResponse[150];
        await Parallel.ForAsync(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
            answers[i] = await On(i).GetAsync("/api/v1/agents", environment.Token));

        var served = answers.Where(a => a.Status == HttpStatusCode.OK).ToList();
        Assert.That(served, Has.Count.EqualTo(100), Together.Describe(answers));
        Assert.That(answers.Count(a => a.Status == HttpStatusCode.TooManyRequests), Is.EqualTo(50), Together.Describe(answers));
        Assert.That(served.Select(a => int.Parse(a.Header("X-RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture)).Order(),
            Is.EqualTo(Enumerable.Range(0, 100)), "each of the hundred saw its own place in the one count");
        Assert.That(answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).Select(a => a.Header("Retry-After")), Is.All.Not.Null);
    }

    [Test]
    [Order(5)]
    public async Task AConsoleSessionSignedInOnOneInstance_WorksOnTheOthers()
    {
        var member = await Admin.CreateStaffAsync("viewer");
        using var browser = new CookieBrowser();

        // Setup on the second instance, sign-in page from the first, the form posted to the second, pages on the third.
        var setupPath = new Uri(member.SetupUrl).PathAndQuery;
        var setupPage = await browser.GetStringAsync(Url(1, setupPath));
        var token = setupPath[(setupPath.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        var chosen = await browser.PostAsync(Url(1, "/console/setup"), ("Token", token), ("Password", Password), ("Confirm", Password), ("__RequestVerificationToken", ConsoleForms.AntiforgeryToken(setupPage)));
        Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await chosen.Content.ReadAsStringAsync());
        browser.ForgetCookies();

        var signInPage = await browser.GetStringAsync(Url(0, "/console/sign-in"));
        var signedIn = await browser.PostAsync(Url(1, "/console/sign-in"), ("Email", member.Email), ("Password", Password), ("__RequestVerificationToken", ConsoleForms.AntiforgeryToken(signInPage)));
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the second instance accepted the first's antiforgery token");

        foreach (var instance in new[] { 2, 0 })
        {
            var queue = await browser.GetAsync(Url(instance, "/console"));
            Assert.That(queue.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"instance {instance + 1}");
            Assert.That(await queue.Content.ReadAsStringAsync(), Does.Contain($"Signed in as <strong>{member.Name}</strong>"));
        }
    }

    [Test]
    [Order(6)]
    public async Task RedisKilled_TheInstancesKeepServingOnTheirOwnCounts_QuicklyAndWithAWarning()
    {
        var environment = await Admin.CreateEnvironmentAsync();
        await WaitForRoomInTheMinuteAsync();
        await _redis.KillAsync();

        var slowest = TimeSpan.Zero;
        var remaining = new List<(int Instance, string? Remaining)>();
        for (var i = 0; i < 30; i++)
        {
            var clock = Stopwatch.StartNew();
            var answer = await On(i).GetAsync("/api/v1/agents", environment.Token);
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, clock.Elapsed.Ticks));
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
            remaining.Add((i % 3, answer.Header("X-RateLimit-Remaining")));
        }

        Assert.That(slowest, Is.LessThan(TimeSpan.FromSeconds(1.5)), "no request waits long on a Redis that is down");

        // Still ready (the instance serves), and it says Redis is the part that is degraded.
        var ready = await _instances[0].Api.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), readiness);
        Assert.That(readiness, Does.Contain("\"status\":\"degraded\"").And.Contain("\"redis\":\"degraded\""), readiness);
        Assert.That(remaining.Where(r => r.Instance == 0).Select(r => r.Remaining), Is.EqualTo(Enumerable.Range(90, 10).Reverse().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            "each instance counts on its own: ten requests each, 99 down to 90");
        foreach (var instance in _instances)
        {
            await instance.Process.WaitForOutputAsync("Rate-limit counters in Redis are unreachable", TimeSpan.FromSeconds(10));
            // Lines, not matches: a JSON log line holds the message and its template.
            var warnings = instance.Process.Stdout.Split('\n').Where(line => WarningLines().IsMatch(line)).ToList();
            Assert.That(warnings, Has.Count.EqualTo(1), "one warning a minute, not one a request:\n" + string.Join("\n", warnings));
        }
    }

    private ApiClient On(int index) => _instances[index % _instances.Length].Api;

    private Uri Url(int instance, string pathAndQuery) => new(_instances[instance].Api.Http.BaseAddress!, pathAndQuery);

    /// <summary>Windows are the clock's minutes: a count that must fit in one starts with at least 15 s of it left.</summary>
    private static async Task WaitForRoomInTheMinuteAsync()
    {
        var now = DateTimeOffset.UtcNow;
        if (now.Second >= 45)
        {
            await Task.Delay(TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond) + TimeSpan.FromMilliseconds(200));
        }
    }



    [GeneratedRegex("Rate-limit counters in Redis are unreachable")]
    private static partial Regex WarningLines();

    /// <summary>One cookie jar for every instance (cookies belong to the host, whatever the port), as a browser behind a load balancer.</summary>
    private sealed class CookieBrowser : IDisposable
    {
        private CookieContainer _cookies = new();
        private HttpClient _http;

        public CookieBrowser() => _http = NewClient();

        public Task<string> GetStringAsync(Uri url) => _http.GetStringAsync(url);

        public Task<HttpResponseMessage> GetAsync(Uri url) => _http.GetAsync(url);

        public Task<HttpResponseMessage> PostAsync(Uri url, params (string Name, string Value)[] fields) =>
            _http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

        public void ForgetCookies()
        {
            _http.Dispose();
            _cookies = new CookieContainer();
            _http = NewClient();
        }

        private HttpClient NewClient() => new(new SocketsHttpHandler { UseCookies = true, CookieContainer = _cookies, AllowAutoRedirect = false });

        public void Dispose() => _http.Dispose();
    }
}
