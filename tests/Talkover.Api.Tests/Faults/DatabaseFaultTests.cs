using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests.Faults;

/// <summary>
/// Real faults under the running service: a full disk, a database folder that turns read-only, and a
/// lock held by another process. While a fault lasts every answer is either the success it would have
/// been or 503 SERVICE_UNAVAILABLE in the documented envelope (never a 500), within the busy timeout;
/// health says 503; once the fault is gone the service serves again within seconds, with nothing
/// half-written left behind.
/// </summary>
[NonParallelizable]
public sealed class DatabaseFaultTests
{
    /// <summary>The service's SQLite busy timeout in these tests (<c>Default Timeout</c>).</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// What a request may take beyond the busy timeout while a fault lasts: the lock wait counts in whole
    /// seconds (up to half a second over), plus HTTP on a busy machine. Two waits added up would exceed it.
    /// </summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1.5);

    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(5);

    private const int ReadOnlyEpisodes = 3;

    private string _folder = null!;
    private Mounts _mounts = null!;
    private RunningService? _service;

    private string DatabasePath => Path.Combine(_folder, "talkover.db");

    private string ConnectionString => $"Data Source={DatabasePath};Default Timeout={BusyTimeout.TotalSeconds}";

    private ApiClient Api => _service!.Api;

    [SetUp]
    public void NewFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"talkover-fault-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _mounts = new Mounts();
    }

    [TearDown]
    public async Task StopServiceAndUnmount()
    {
        if (_service is not null)
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
            {
                await TestContext.Out.WriteLineAsync($"service stdout:\n{_service.Process.Stdout}\nservice stderr:\n{_service.Process.Stderr}");
            }

            await _service.DisposeAsync();
            _service = null;
        }

        SqliteConnection.ClearAllPools();
        await _mounts.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public async Task Writes_WhenTheDiskIsFull_Answer503UntilSpaceIsFreed()
    {
        await _mounts.MountTmpfsAsync(_folder, sizeMiB: 16);
        _service = await RunningService.StartAsync(ConnectionString);
        var environment = await Api.CreateEnvironmentAsync("Disk full", "enterprise");
        var numbers = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            numbers.Add(await Api.ProvisionAsync(environment));
        }

        var agentsCreated = 0;
        var releasesCreated = 0;
        for (var i = 0; i < 3; i++)
        {
            await Api.CreateAgentAsync(environment, $"Before the disk filled {i}");
            agentsCreated++;
        }

        (await Api.GetAsync("/api/v1/health", null)).ExpectStatus(HttpStatusCode.OK);

        var filler = Path.Combine(_folder, "filler");
        var filled = FillDisk(filler);
        TestContext.Out.WriteLine($"filler: {filled / 1024.0 / 1024.0:0.0} MiB; free now {new DriveInfo(_folder).AvailableFreeSpace} bytes");

        var during = new List<Attempt>();
        for (var i = 0; i < 4; i++)
        {
            during.Add(await TimedAsync("agent", () => Api.PostAsync("/api/v1/agents", environment.Token, new { name = $"While the disk is full {i}" })));
            during.Add(await TimedAsync("release", () => Api.RequestReleaseAsync(environment.Token, numbers[i])));
        }

        var (health, healthTook) = await TimedAsync(() => Api.GetAsync("/api/v1/health", null));
        foreach (var (what, response, took) in during)
        {
            TestContext.Out.WriteLine($"during: {what} {(int)response.Status} in {took.TotalMilliseconds:0} ms");
        }

        TestContext.Out.WriteLine($"during: health {(int)health.Status} in {healthTook.TotalMilliseconds:0} ms");

        agentsCreated += during.Count(d => d.What == "agent" && d.Response.Status == HttpStatusCode.Created);
        releasesCreated += during.Count(d => d.What == "release" && d.Response.Status == HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            foreach (var (_, response, took) in during)
            {
                ExpectCreatedOrUnavailable(response);
                Assert.That(took, Is.LessThan(BusyTimeout + Margin));
            }

            // A write that fits in space SQLite already holds may still succeed — and the space a failed
            // write grew its log by is reused by the next ones, so which route meets the full disk first
            // depends on SQLite's files, not on the service. The first write that needs new space fails.
            Assert.That(during.Select(d => d.Response.Status), Has.Some.EqualTo(HttpStatusCode.ServiceUnavailable),
                "no write noticed the full disk");
        });
        health.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");

        File.Delete(filler);
        var (recoveredHealth, healthAfter) = await UntilAsync(() => Api.GetAsync("/api/v1/health", null), HttpStatusCode.OK);
        var (recoveredWrite, writeAfter) = await UntilAsync(
            () => Api.PostAsync("/api/v1/agents", environment.Token, new { name = "After space was freed" }), HttpStatusCode.Created);
        TestContext.Out.WriteLine($"recovery: health 200 after {healthAfter.TotalMilliseconds:0} ms, agent 201 after {writeAfter.TotalMilliseconds:0} ms");
        recoveredHealth.ExpectStatus(HttpStatusCode.OK);
        recoveredWrite.ExpectStatus(HttpStatusCode.Created);
        agentsCreated++;
        var release = await Api.RequestReleaseAsync(environment.Token, numbers[^1]);
        release.ExpectStatus(HttpStatusCode.Created);
        releasesCreated++;

        var agentsStored = await TotalAsync("/api/v1/agents", environment.Token);
        var releasesStored = await TotalAsync("/api/v1/phone-numbers/release-requests", environment.Token);
        Assert.Multiple(() =>
        {
            Assert.That(agentsStored, Is.EqualTo(agentsCreated), "agents stored = agents answered 201");
            Assert.That(releasesStored, Is.EqualTo(releasesCreated), "release requests stored = requests answered 201");
        });
    }

    [Test]
    public async Task Writes_WhenTheDatabaseFolderTurnsReadOnly_Answer503AndAllSucceedOnceWritableAgain()
    {
        _service = await RunningService.StartAsync(ConnectionString);
        var environment = await Api.CreateEnvironmentAsync("Read-only", "enterprise");
        var agentsCreated = 0;
        for (var i = 0; i < 3; i++)
        {
            await Api.CreateAgentAsync(environment, $"Before the folder turned read-only {i}");
            agentsCreated++;
        }

        (await Api.GetAsync("/api/v1/health", null)).ExpectStatus(HttpStatusCode.OK);

        // A flapping mount: which connections the service holds when the fault comes differs from one
        // episode to the next, and a connection opened during any of them must not outlive it.
        for (var episode = 1; episode <= ReadOnlyEpisodes; episode++)
        {
            agentsCreated += await ReadOnlyEpisodeAsync(environment, episode);
        }

        Assert.That(await TotalAsync("/api/v1/agents", environment.Token), Is.EqualTo(agentsCreated), "agents stored = agents answered 201");
    }

    /// <summary>One read-only spell and its end; returns how many agents were created (answered 201).</summary>
    private async Task<int> ReadOnlyEpisodeAsync(TestEnvironment environment, int episode)
    {
        await _mounts.BindReadOnlyAsync(_folder);

        var health = await TimedAsync(() => Api.GetAsync("/api/v1/health", null));
        var writes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            TimedAsync(() => Api.PostAsync("/api/v1/agents", environment.Token, new { name = $"While read-only {episode}.{i}" }))));
        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => TimedAsync(() => Api.GetAsync("/api/v1/agents", environment.Token))));
        var healthAfter = await TimedAsync(() => Api.GetAsync("/api/v1/health", null));
        TestContext.Out.WriteLine($"episode {episode} during: health {Summary(health)}; writes {Summary(writes)}; reads {Summary(reads)}; health again {Summary(healthAfter)}");

        Assert.Multiple(() =>
        {
            foreach (var (response, took) in writes)
            {
                ExpectCreatedOrUnavailable(response);
                Assert.That(took, Is.LessThan(BusyTimeout + Margin));
            }

            foreach (var (response, took) in reads)
            {
                if (response.Status != HttpStatusCode.OK)
                {
                    response.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
                }

                Assert.That(took, Is.LessThan(BusyTimeout + Margin));
            }
        });
        health.Response.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        healthAfter.Response.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");

        var nothingLeftOpen = await _mounts.UnmountAsync(_folder);
        var clock = Stopwatch.StartNew();
        var after = await Task.WhenAll(Enumerable.Range(0, 80).Select(i =>
            Api.PostAsync("/api/v1/agents", environment.Token, new { name = $"Writable again {episode}.{i}" })));
        var allAnswered = clock.Elapsed;
        var healthy = await Api.GetAsync("/api/v1/health", null);
        TestContext.Out.WriteLine($"episode {episode} after: writes {Summary(after)}, all answered after {allAnswered.TotalMilliseconds:0} ms; "
            + $"health {(int)healthy.Status}; service kept files open on the read-only mount: {!nothingLeftOpen}");

        Assert.Multiple(() =>
        {
            foreach (var response in after)
            {
                response.ExpectStatus(HttpStatusCode.Created);
            }

            Assert.That(allAnswered, Is.LessThan(Recovery));
        });
        healthy.ExpectStatus(HttpStatusCode.OK);
        return writes.Count(w => w.Response.Status == HttpStatusCode.Created) + after.Length;
    }

    [Test]
    public async Task Writes_WhenAnotherProcessHoldsTheWriteLock_Answer503WithinTheBusyTimeout()
    {
        _service = await RunningService.StartAsync(ConnectionString);
        var environment = await Api.CreateEnvironmentAsync("Locked", "enterprise");
        var number = await Api.ProvisionAsync(environment);
        var agentsCreated = 0;
        await Api.CreateAgentAsync(environment, "Before the lock");
        agentsCreated++;

        var during = new List<Attempt>();
        (ApiResponse Response, TimeSpan Took) health;
        (ApiResponse Response, TimeSpan Took)[] keyed;
        await using (var intruder = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await intruder.OpenAsync();
            await using var exclusive = intruder.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE; UPDATE health_probe SET probed_at = probed_at WHERE id = 1;";
            await exclusive.ExecuteNonQueryAsync();

            during.Add(await TimedAsync("agent", () => Api.PostAsync("/api/v1/agents", environment.Token, new { name = "While locked" })));
            during.Add(await TimedAsync("release", () => Api.RequestReleaseAsync(environment.Token, number)));
            health = await TimedAsync(() => Api.GetAsync("/api/v1/health", null));

            // Keyed writers queued one behind the other: each answers within its own busy timeout (the
            // waits for the turn and for the lock are one budget), and keeps nothing under its key.
            keyed = await Task.WhenAll(Enumerable.Range(0, 3).Select(async i =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(400 * i));
                return await TimedAsync(() => KeyedAgentAsync(environment, i));
            }));

            await using var release = intruder.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        foreach (var (what, response, took) in during)
        {
            TestContext.Out.WriteLine($"during: {what} {(int)response.Status} in {took.TotalMilliseconds:0} ms");
        }

        TestContext.Out.WriteLine($"during: health {(int)health.Response.Status} in {health.Took.TotalMilliseconds:0} ms");
        Assert.Multiple(() =>
        {
            foreach (var (_, response, took) in during)
            {
                response.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
                Assert.That(took, Is.GreaterThanOrEqualTo(BusyTimeout - TimeSpan.FromMilliseconds(100)).And.LessThan(BusyTimeout + Margin),
                    "a write waits out the busy timeout, then gives up");
            }
        });
        health.Response.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.That(health.Took, Is.LessThan(BusyTimeout), "health answers within its own, shorter bound");
        TestContext.Out.WriteLine($"during: keyed writers {Summary(keyed)}");
        Assert.Multiple(() =>
        {
            foreach (var (response, took) in keyed)
            {
                response.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
                Assert.That(took, Is.LessThan(BusyTimeout + Margin), "one busy timeout per request, not one per wait");
            }
        });

        var (recoveredHealth, healthAfter) = await UntilAsync(() => Api.GetAsync("/api/v1/health", null), HttpStatusCode.OK);
        var (recoveredAgent, agentAfter) = await UntilAsync(
            () => Api.PostAsync("/api/v1/agents", environment.Token, new { name = "After the lock" }), HttpStatusCode.Created);
        var (recoveredRelease, releaseAfter) = await UntilAsync(() => Api.RequestReleaseAsync(environment.Token, number), HttpStatusCode.Created);
        TestContext.Out.WriteLine($"recovery: health after {healthAfter.TotalMilliseconds:0} ms, agent after {agentAfter.TotalMilliseconds:0} ms, "
            + $"release after {releaseAfter.TotalMilliseconds:0} ms");
        recoveredHealth.ExpectStatus(HttpStatusCode.OK);
        recoveredAgent.ExpectStatus(HttpStatusCode.Created);
        recoveredRelease.ExpectStatus(HttpStatusCode.Created);
        agentsCreated++;

        // Nothing was kept under the keys the fault answered: each retry runs, for the first time.
        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => KeyedAgentAsync(environment, i)));
        Assert.Multiple(() =>
        {
            foreach (var retry in retries)
            {
                retry.ExpectStatus(HttpStatusCode.Created);
                Assert.That(retry.Header("Idempotent-Replayed"), Is.Null);
            }
        });
        agentsCreated += retries.Length;

        var agentsStored = await TotalAsync("/api/v1/agents", environment.Token);
        var releasesStored = await TotalAsync("/api/v1/phone-numbers/release-requests", environment.Token);
        Assert.Multiple(() =>
        {
            Assert.That(agentsStored, Is.EqualTo(agentsCreated), "agents stored = agents answered 201");
            Assert.That(releasesStored, Is.EqualTo(1), "release requests stored = requests answered 201");
        });
    }

    private Task<ApiResponse> KeyedAgentAsync(TestEnvironment environment, int i)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agents")
        {
            Content = new StringContent($$"""{"name": "Keyed while locked {{i}}"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", environment.Token);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", $"locked-{i}");
        return Api.SendAsync(request);
    }

    private static string Summary(params IEnumerable<(ApiResponse Response, TimeSpan Took)> answers) =>
        string.Join(", ", answers.GroupBy(a => (int)a.Response.Status).Select(g => $"{g.Count()}x{g.Key}"))
        + $" (slowest {answers.Max(a => a.Took).TotalMilliseconds:0} ms)";

    private static string Summary(IEnumerable<ApiResponse> answers) =>
        string.Join(", ", answers.GroupBy(a => (int)a.Status).Select(g => $"{g.Count()}x{g.Key}"));

    private static void ExpectCreatedOrUnavailable(ApiResponse response)
    {
        if (response.Status != HttpStatusCode.Created)
        {
            response.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        }
    }

    private static async Task<(ApiResponse Response, TimeSpan Took)> TimedAsync(Func<Task<ApiResponse>> request)
    {
        var clock = Stopwatch.StartNew();
        var response = await request();
        return (response, clock.Elapsed);
    }

    private static async Task<Attempt> TimedAsync(string what, Func<Task<ApiResponse>> request)
    {
        var (response, took) = await TimedAsync(request);
        return new Attempt(what, response, took);
    }

    private sealed record Attempt(string What, ApiResponse Response, TimeSpan Took);

    /// <summary>
    /// Repeats <paramref name="request"/> until it answers <paramref name="expected"/> or the recovery time
    /// is up; every answer before that must be the 503 envelope. Returns the last answer and when it came.
    /// </summary>
    private static async Task<(ApiResponse Response, TimeSpan After)> UntilAsync(Func<Task<ApiResponse>> request, HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await request();
            if (response.Status == expected || clock.Elapsed > Recovery)
            {
                Assert.That(clock.Elapsed, Is.LessThan(Recovery), $"not {(int)expected} within {Recovery.TotalSeconds} s; last answer: {response.Body}");
                return (response, clock.Elapsed);
            }

            response.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
            await Task.Delay(100);
        }
    }

    private async Task<long> TotalAsync(string path, string token)
    {
        var response = await Api.GetAsync($"{path}?per_page=1", token);
        response.ExpectStatus(HttpStatusCode.OK);
        return response.Json["meta"]!["total"]!.GetValue<long>();
    }

    /// <summary>Writes <paramref name="path"/> until the volume has no byte left; returns how much it took.</summary>
    private static long FillDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        var chunk = new byte[1024 * 1024];
        foreach (var size in new[] { chunk.Length, 4096, 1 })
        {
            try
            {
                while (true)
                {
                    stream.Write(chunk, 0, size);
                }
            }
            catch (IOException)
            {
                // ENOSPC: on to smaller pieces, until not even one byte fits.
            }
        }

        return stream.Length;
    }
}
