using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Talkover.Bench;

/// <summary>
/// The earlier absolute mode (<c>--absolute</c>): the real service in this process on Kestrel over loopback,
/// a SQLite file, many client connections at once, five workloads against fixed targets for a 2-core
/// machine (bench/README.md). Allocations are client and server together. The ratio mode replaced it as
/// the benchmark; this stays for the workloads the ratio mode does not run.
/// </summary>
internal static class AbsoluteMode
{
    public static async Task<int> RunAsync(int concurrency)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"talkover-bench-{Guid.NewGuid():N}.db");

        BenchFactory.UseCheckoutContentRoot();
        await using var factory = new BenchFactory(dbPath);
        factory.StartServer();
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchFactory.AdminKey);

        var environment = JsonNode.Parse(await Post(http, "/api/v1/admin/environments", """{"name": "Bench", "plan": "enterprise"}"""))!["data"]!;
        var environmentId = environment["id"]!.GetValue<string>();
        var token = environment["token"]!.GetValue<string>();
        var numbers = new List<string>();
        for (var i = 0; i < 1700; i++)
        {
            var created = await Post(http, $"/api/v1/admin/environments/{environmentId}/phone-numbers", $$"""{"number": "+1555{{2000000 + i}}", "country_code": "US", "has_voice": true}""");
            numbers.Add(JsonNode.Parse(created)!["data"]!["id"]!.GetValue<string>());
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        const string reason = """{"reason": "We migrated outbound calling to a new toll-free number and no longer need this DID."}""";
        var results = new List<AbsoluteResult>
        {
            await Run("GET /api/v1/phone-numbers (page of 20 of 1700)", 3000, concurrency, _ => http.GetAsync("/api/v1/phone-numbers?per_page=20")),
            // Numbers 0–999 are timed, 1000–1019 warm up (Run warms up with indexes count..count+19).
            await Run("POST request-release (1000 distinct numbers)", 1000, concurrency, i => http.PostAsync($"/api/v1/phone-numbers/{numbers[i]}/request-release", Json(reason))),
            // Numbers 1100–1599 are timed, 1600–1619 warm up.
            await Run("POST request-release with Idempotency-Key (500 distinct)", 500, concurrency, i => http.SendAsync(Keyed($"/api/v1/phone-numbers/{numbers[1100 + i]}/request-release", reason, $"bench-{i}"))),
            await Run("GET /api/v1/phone-numbers/release-requests (page of 20 of 1540)", 3000, concurrency, _ => http.GetAsync("/api/v1/phone-numbers/release-requests?per_page=20")),
            await Run("POST request-release, all for one number (1 x 201, rest 409)", 500, concurrency, _ => http.PostAsync($"/api/v1/phone-numbers/{numbers[^1]}/request-release", Json(reason))),
        };

        Console.WriteLine($"\nconcurrency {concurrency}, {Environment.ProcessorCount} cores, SQLite file, Kestrel on loopback (client and server in one process)\n");
        Console.WriteLine($"{"workload",-66} {"req/s",8} {"p50 ms",7} {"p99 ms",7} {"KiB/req",8}  target");
        var missed = 0;
        foreach (var r in results)
        {
            var target = AbsoluteTargets.For(r.Name);
            var ok = target is null || (r.RequestsPerSecond >= target.Value.MinRequestsPerSecond && r.P99 <= target.Value.MaxP99Ms);
            missed += ok ? 0 : 1;
            Console.WriteLine($"{r.Name,-66} {r.RequestsPerSecond,8:0} {r.P50,7:0.0} {r.P99,7:0.0} {r.AllocatedKiBPerRequest,8:0}  {(target is null ? "-" : $"≥ {target.Value.MinRequestsPerSecond} req/s, p99 ≤ {target.Value.MaxP99Ms} ms: {(ok ? "met" : "MISSED")}")}");
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }

        return missed == 0 ? 0 : 1;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Keyed(string path, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<string> Post(HttpClient http, string path, string body)
    {
        using var response = await http.PostAsync(path, Json(body));
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
    }

    private static async Task<AbsoluteResult> Run(string name, int count, int concurrency, Func<int, Task<HttpResponseMessage>> call)
    {
        // Warm up the route first (with indexes past the timed ones) so JIT and connection set-up stay out of the numbers.
        for (var i = 0; i < 20; i++)
        {
            using var _ = await call(count + i);
        }

        var latencies = new double[count];
        var next = -1;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await call(i);
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if ((int)response.StatusCode >= 500)
                {
                    throw new InvalidOperationException($"{name}: {(int)response.StatusCode}");
                }
            }
        })));
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Array.Sort(latencies);
        return new AbsoluteResult(name, count / clock.Elapsed.TotalSeconds, latencies[count / 2], latencies[(int)(count * 0.99)], allocated / 1024.0 / count);
    }
}

internal sealed record AbsoluteResult(string Name, double RequestsPerSecond, double P50, double P99, double AllocatedKiBPerRequest);

internal static class AbsoluteTargets
{
    /// <summary>Kept in step with bench/README.md.</summary>
    public static (int MinRequestsPerSecond, int MaxP99Ms)? For(string workload) => workload switch
    {
        _ when workload.StartsWith("GET /api/v1/phone-numbers (", StringComparison.Ordinal) => (800, 50),
        _ when workload.StartsWith("GET /api/v1/phone-numbers/release-requests", StringComparison.Ordinal) => (800, 50),
        _ when workload.StartsWith("POST request-release (", StringComparison.Ordinal) => (200, 250),
        _ when workload.StartsWith("POST request-release with Idempotency-Key", StringComparison.Ordinal) => (200, 250),
        _ when workload.StartsWith("POST request-release, all for one", StringComparison.Ordinal) => (200, 250),
        _ => null,
    };
}
