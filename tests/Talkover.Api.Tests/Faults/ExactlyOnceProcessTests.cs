using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests.Faults;

/// <summary>
/// Idempotency-Key through the built service as its own process: killed with kill -9 in the middle of
/// keyed writes, and hit by 1,500 keyed writers at once. What a client relies on is checked: each key
/// makes one agent, a retry answers with that agent, and the process stays within its bounds.
/// </summary>
[NonParallelizable]
public sealed class ExactlyOnceProcessTests
{
    private string _folder = null!;
    private string _databaseFile = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"talkover-exactly-once-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _databaseFile = Path.Combine(_folder, "talkover.db");
    }

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionString => $"Data Source={_databaseFile}";

    [Test]
    public async Task KeyedAgentCreates_WhenTheServiceIsKilledMidBurst_EveryKeyEndsWithExactlyOneAgent()
    {
        const int keys = 300;
        const int inFlight = 24;
        const int kills = 4;
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        await using var service = await RunningService.StartAsync(ConnectionString);
        var environment = await service.Api.CreateEnvironmentAsync("Killed mid-write");

        // Each kill comes after a random number of answers within its own quarter of the run, leaving at
        // least a quarter's last 25 keys to go, so every kill lands while requests are in flight.
        // Workers hold back while the service restarts, so the keys are not spent on a closed port.
        var killAfter = Enumerable.Range(0, kills).Select(k => (k * keys / kills) + random.Next(20, keys / kills - 25)).ToArray();
        var serviceUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        serviceUp.SetResult();
        var answered = 0;
        var killsDone = 0;
        var first = new ConcurrentDictionary<int, Outcome>();
        var stopwatch = Stopwatch.StartNew();
        using var workersFailed = new CancellationTokenSource();

        var killer = Task.Run(async () =>
        {
            foreach (var threshold in killAfter)
            {
                while (Volatile.Read(ref answered) < threshold)
                {
                    await Task.Delay(1, workersFailed.Token);
                }

                await Task.Delay(random.Next(0, 15), workersFailed.Token);
                Volatile.Write(ref serviceUp, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                await service.KillAndRestartAsync();
                killsDone++;
                Volatile.Read(ref serviceUp).SetResult();
            }
        });
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, keys), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, _) =>
            {
                await Volatile.Read(ref serviceUp).Task;
                first[i] = await CreateAgentAsync(service.Api, environment, i);
                Interlocked.Increment(ref answered);
            });
        }
        catch
        {
            // The killer would wait on for answers that will not come.
            await workersFailed.CancelAsync();
            throw;
        }

        await killer;
        var burst = stopwatch.Elapsed;

        // The service is up and left alone: every key is asked once more, exactly as before.
        var retry = new ConcurrentDictionary<int, Outcome>();
        await Parallel.ForEachAsync(Enumerable.Range(0, keys), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, _) =>
            retry[i] = await CreateAgentAsync(service.Api, environment, i));

        var firstCreated = first.Where(o => o.Value.Status == HttpStatusCode.Created).ToDictionary(o => o.Key, o => o.Value);
        var lostInKill = first.Count(o => o.Value.Status is null);
        var retriesReplayed = retry.Count(o => o.Value.Replayed);
        var cutOffAfterCommit = first.Count(o => o.Value.Status is null && retry[o.Key].Replayed);
        var figures = $"seed {seed}; {killsDone} of {kills} kills done, after {string.Join("/", killAfter)} answers in {burst.TotalSeconds:0.0} s; "
            + $"first attempts: {Describe(first.Values)}; retries: {Describe(retry.Values)} ({retriesReplayed} replayed, {keys - retriesReplayed} first runs); "
            + $"of the {lostInKill} cut off, {cutOffAfterCommit} had committed (replayed) and {lostInKill - cutOffAfterCommit} had not (ran on retry)";
        TestContext.Out.WriteLine(figures);

        var storedAgents = await QueryAsync<string>("SELECT id FROM agents WHERE environment_id = @Id", new { environment.Id });
        var keyRows = await QueryAsync<(string Key, string State)>(
            "SELECT idempotency_key AS Key, state AS State FROM idempotency_keys WHERE scope = @Scope", new { Scope = "env:" + environment.Id });
        var retriedAgents = retry.Values.Select(o => o.AgentId).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(killsDone, Is.EqualTo(kills), figures);
            Assert.That(lostInKill, Is.GreaterThan(0), $"no request was cut off by a kill, so the kills tested nothing; {figures}");
            Assert.That(retry.Values.Select(o => o.Status), Is.All.EqualTo(HttpStatusCode.Created), figures);
            Assert.That(firstCreated.Where(o => retry[o.Key].AgentId != o.Value.AgentId).Select(o => KeyOf(o.Key)), Is.Empty,
                $"keys whose retry named another agent than their first 201; {figures}");
            Assert.That(firstCreated.Where(o => !retry[o.Key].Replayed).Select(o => KeyOf(o.Key)), Is.Empty,
                $"keys answered 201 that ran again on retry; {figures}");
            Assert.That(storedAgents, Has.Count.EqualTo(keys), $"agents stored for {keys} distinct keys; {figures}");
            Assert.That(storedAgents, Is.EquivalentTo(retriedAgents), $"the stored agents are exactly the ones the retries name; {figures}");
            Assert.That(keyRows.Where(r => r.State == "in_flight").Select(r => r.Key), Is.Empty, $"keys left in flight; {figures}");
            Assert.That(keyRows.Select(r => r.Key), Is.EquivalentTo(Enumerable.Range(0, keys).Select(KeyOf)), $"one stored row per key; {figures}");
        });
    }

    [Test]
    public async Task FifteenHundredKeyedWritersAtOnce_AllSucceedWithinTheConnectionBoundAndMemorySettles()
    {
        const int writers = 1500;
        // At the default of 32 this burst never comes near the bound: with the bound lifted (1000) it
        // opened 3 to 7 connections on a 2-core machine, so 32 would pass with no bound at all. Two is
        // below that, so a connection opened past the bound shows. No allowance is needed: the startup
        // migrations' connection is the pooled one requests reuse (one .db descriptor when idle).
        const int maxOpenConnections = 2;
        const long settledRssBytes = 300L * 1024 * 1024;
        await using var service = await RunningService.StartAsync(ConnectionString,
            new Dictionary<string, string> { ["Database__MaxOpenConnections"] = maxOpenConnections.ToString(CultureInfo.InvariantCulture) });
        var environment = await service.Api.CreateEnvironmentAsync("Fifteen hundred writers");
        var pid = service.Process.Id;
        var idleRss = ReadRssBytes(pid);
        var idleDatabaseFiles = CountOpenFiles(pid).DatabaseFiles;

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = writers, ConnectTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = service.Api.Http.BaseAddress,
            Timeout = TimeSpan.FromSeconds(120),
        };
        var api = new ApiClient(http);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await CreateAgentAsync(api, environment, i);
        })).ToArray();

        var maxDatabaseFiles = idleDatabaseFiles;
        var maxSockets = 0;
        var peakRss = idleRss;
        var samples = 0;
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                var (databaseFiles, sockets) = CountOpenFiles(pid);
                maxDatabaseFiles = Math.Max(maxDatabaseFiles, databaseFiles);
                maxSockets = Math.Max(maxSockets, sockets);
                peakRss = Math.Max(peakRss, ReadRssBytes(pid));
                samples++;
                await Task.Delay(50);
            }
        });
        var stopwatch = Stopwatch.StartNew();
        start.SetResult();
        var outcomes = await Task.WhenAll(calls);
        var burst = stopwatch.Elapsed;
        await stopSampling.CancelAsync();
        await sampler;

        // Memory a burst took must be given back: poll for up to a minute.
        var settleWatch = Stopwatch.StartNew();
        var rss = ReadRssBytes(pid);
        while (rss >= settledRssBytes && settleWatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(500);
            rss = ReadRssBytes(pid);
            peakRss = Math.Max(peakRss, rss);
        }

        var storedAgents = (await QueryAsync<long>("SELECT COUNT(*) FROM agents WHERE environment_id = @Id", new { environment.Id })).Single();
        var figures = $"{writers} writers in {burst.TotalSeconds:0.0} s (at most {maxSockets} sockets open at once): {Describe(outcomes)}; {storedAgents} agents stored; "
            + $".db files open: {idleDatabaseFiles} idle, at most {maxDatabaseFiles} over {samples} samples (bound {maxOpenConnections}); "
            + $"RSS: {Megabytes(idleRss)} idle, peak {Megabytes(peakRss)}, {Megabytes(rss)} after {settleWatch.Elapsed.TotalSeconds:0.0} s";
        TestContext.Out.WriteLine(figures);
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o.Status is >= HttpStatusCode.InternalServerError), Is.Zero, $"5xx answers; {figures}");
            Assert.That(outcomes.Count(o => o.Status == HttpStatusCode.Created), Is.EqualTo(writers), figures);
            Assert.That(storedAgents, Is.EqualTo(writers), figures);
            Assert.That(maxDatabaseFiles, Is.LessThanOrEqualTo(maxOpenConnections), $"open database connections beyond the bound; {figures}");
            Assert.That(rss, Is.LessThan(settledRssBytes), $"memory did not settle under {Megabytes(settledRssBytes)} within 60 s; {figures}");
        });
    }

    /// <summary>
    /// The process's open descriptors on the main database file (not its -wal or -shm), one per SQLite
    /// connection, and its open sockets.
    /// </summary>
    private (int DatabaseFiles, int Sockets) CountOpenFiles(int pid)
    {
        var (databaseFiles, sockets) = (0, 0);
        foreach (var descriptor in Directory.EnumerateFiles($"/proc/{pid}/fd"))
        {
            try
            {
                var target = new FileInfo(descriptor).LinkTarget;
                databaseFiles += string.Equals(target, _databaseFile, StringComparison.Ordinal) ? 1 : 0;
                sockets += target?.StartsWith("socket:", StringComparison.Ordinal) == true ? 1 : 0;
            }
            catch (IOException)
            {
                // Closed between the listing and the read.
            }
        }

        return (databaseFiles, sockets);
    }

    private static long ReadRssBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0} MB";

    private static async Task<Outcome> CreateAgentAsync(ApiClient api, TestEnvironment environment, int index)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agents")
        {
            Content = new StringContent($$"""{"name": "Agent {{index}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", environment.Token);
        request.Headers.TryAddWithoutValidation(Idempotency.IdempotencyMiddleware.HeaderName, KeyOf(index));
        try
        {
            var response = await api.SendAsync(request);
            return new Outcome(response.Status, response.Status == HttpStatusCode.Created ? response.Data["id"]!.GetValue<string>() : null,
                response.Header(Idempotency.IdempotencyMiddleware.ReplayedHeader) == "true", response.Code);
        }
        catch (HttpRequestException)
        {
            // Connection refused or reset: the process was killed under this request, or was not up yet.
            return new Outcome(null, null, false, null);
        }
    }

    private static string KeyOf(int index) => $"create-agent-{index:D4}";

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    private static string Describe(IEnumerable<Outcome> outcomes) =>
        string.Join(", ", outcomes.GroupBy(o => o.Status is { } status ? $"{(int)status}{(o.Code is null ? "" : " " + o.Code)}" : "transport failure")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} x {g.Key}"));

    /// <summary>What a client saw: a status (null when the connection failed), the agent created, whether it was a replay.</summary>
    private sealed record Outcome(HttpStatusCode? Status, string? AgentId, bool Replayed, string? Code);
}
