using System.Diagnostics;
using System.Net;
using System.Text;

namespace Talkover.Bench;

/// <summary>What the clients ask a target, and the answer every request must get.</summary>
internal sealed record Workload(string Name, HttpStatusCode Expected, Func<TargetProcess, Task<HttpResponseMessage>?> Send, double MinThroughputRatio, double MaxP99Ratio)
{
    public const string ListPath = "/api/v1/phone-numbers?page=1&per_page=20";

    private const string Reason = """{"reason": "We migrated outbound calling to a new toll-free number and no longer need this DID."}""";

    public static Workload List(int listed) => new(
        $"GET phone-numbers (page of 20 of {listed:N0})", HttpStatusCode.OK, target => target.Reads.GetAsync(ListPath), MinThroughputRatio: 0.8, MaxP99Ratio: 1.5);

    /// <summary>Each request for a number of the writes environment not asked for before; null (the run ends) once none is left.</summary>
    public static Workload RequestRelease() => new(
        "POST request-release (distinct numbers)", HttpStatusCode.Created,
        target => target.NextWriteNumber() is { } id
            ? target.Writes.PostAsync($"/api/v1/phone-numbers/{id}/request-release", new StringContent(Reason, Encoding.UTF8, "application/json"))
            : null,
        MinThroughputRatio: 0.85, MaxP99Ratio: 1.5);
}

/// <summary>One timed run of a workload against a target.</summary>
internal sealed record Sample(int Requests, double Seconds, double[] Latencies, long AllocatedBytes, double CpuMs, bool RanOut)
{
    public double RequestsPerSecond => Requests / Seconds;
}

internal static class Load
{
    /// <summary>
    /// <paramref name="concurrency"/> clients, each sending its next request when the last is answered,
    /// for <paramref name="duration"/>; with the target's allocations and CPU time over the same span.
    /// </summary>
    public static async Task<Sample> RunAsync(TargetProcess target, Workload workload, int concurrency, TimeSpan duration)
    {
        var before = await target.StatsAsync();
        var ranOut = false;
        string? failure = null;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (workload.Send(target) is not { } sending)
                {
                    ranOut = true;
                    break;
                }

                using var response = await sending;
                var body = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != workload.Expected && Interlocked.Increment(ref failures) == 1)
                {
                    failure = $"{(int)response.StatusCode} {Encoding.UTF8.GetString(body)}";
                }
            }

            return latencies;
        })));
        clock.Stop();
        var after = await target.StatsAsync();

        if (failures > 0)
        {
            throw new BenchException($"{target.Name}, {workload.Name}: {failures} answers were not {(int)workload.Expected}; the first: {failure}");
        }

        var all = perClient.SelectMany(latencies => latencies).ToArray();
        Array.Sort(all);
        return new Sample(all.Length, clock.Elapsed.TotalSeconds, all, after.AllocatedBytes - before.AllocatedBytes, after.CpuMs - before.CpuMs, ranOut);
    }
}

/// <summary>The comparison could not be made (a target failed or answered differently); exit code 2.</summary>
internal sealed class BenchException(string message) : Exception(message);
