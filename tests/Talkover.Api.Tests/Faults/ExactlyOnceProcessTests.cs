using System.Collections.Concurrent;
using System.Diagnostics;
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
