using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Talkover.Bench;

/// <summary>
/// The service against the bare baseline (bench/Talkover.Baseline) on this machine in this run, as
/// ratios. For each concurrency level both targets start in processes of their own over fresh copies of
/// one seeded database; after a warm-up, rounds run each workload against each target in turn
/// (alternating which goes first), so drift of the machine falls on both alike.
/// </summary>
internal static class RatioMode
{
    /// <summary>Kept in step with bench/README.md.</summary>
    public const long MaxServicePeakRssBytes = 250L * 1024 * 1024;

    public const int RssConcurrency = 64;

    private static readonly string[] TargetNames = ["service", "baseline"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTime.UtcNow;
        var folder = Directory.CreateTempSubdirectory("talkover-bench-").FullName;
        try
        {
            // Enough numbers that writes never run out at several thousand a second; RanOut reports it if they do.
            var writePool = options.WritePool ?? Math.Max(20_000, (int)((options.Rounds * options.Duration.TotalSeconds + options.Warmup.TotalSeconds) * 4_000));
            Console.WriteLine($"seeding: {options.ListedNumbers:N0} listed numbers, {writePool:N0} numbers to request the release of …");
            var seed = Seed.Create(folder, options.ListedNumbers, writePool);
            Console.WriteLine(SqliteSettings(seed.TemplatePath));

            var workloads = new[] { Workload.List(seed.ListedNumbers), Workload.RequestRelease() };
            var missed = new List<string>();
            var report = new List<string>();
            foreach (var concurrency in options.Concurrency)
            {
                var (lines, misses) = await CompareAsync(seed, workloads, concurrency, options);
                report.AddRange(lines);
                missed.AddRange(misses);
            }

            Console.WriteLine();
            Console.WriteLine($"{started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {options.Rounds} rounds × {options.Duration.TotalSeconds:0.#} s per workload and target (after {options.Warmup.TotalSeconds:0.#} s warm-up), targets each in its own process");
            Console.WriteLine("KiB/req and CPU ms/req are the target process's own (GC.GetTotalAllocatedBytes, process CPU time) over the timed span, divided by its requests.");
            foreach (var line in report)
            {
                Console.WriteLine(line);
            }

            Console.WriteLine();
            if (missed.Count == 0)
            {
                Console.WriteLine("all targets met");
                return 0;
            }

            Console.WriteLine($"{missed.Count} target(s) MISSED:");
            foreach (var miss in missed)
            {
                Console.WriteLine($"  {miss}");
            }

            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(List<string> Lines, List<string> Missed)> CompareAsync(Seed seed, Workload[] workloads, int concurrency, BenchOptions options)
    {
        Console.WriteLine($"\nconcurrency {concurrency}: starting the service and the baseline over fresh copies of the database …");
        var targets = new List<TargetProcess>();
        try
        {
            foreach (var name in TargetNames)
            {
                targets.Add(await TargetProcess.StartAsync(name, seed.CopyFor($"{name}-{concurrency}"), seed));
            }

            await CheckSameAnswersAsync(targets[0], targets[1]);

            foreach (var workload in workloads)
            {
                foreach (var target in targets)
                {
                    await Load.RunAsync(target, workload, concurrency, options.Warmup);
                }
            }

            var samples = targets.ToDictionary(t => t.Name, _ => workloads.ToDictionary(w => w.Name, _ => new List<Sample>()));
            for (var round = 0; round < options.Rounds; round++)
            {
                foreach (var workload in workloads)
                {
                    foreach (var target in round % 2 == 0 ? targets : Enumerable.Reverse(targets))
                    {
                        await Task.Delay(250);
                        var sample = await Load.RunAsync(target, workload, concurrency, options.Duration);
                        samples[target.Name][workload.Name].Add(sample);
                        Console.WriteLine($"  round {round + 1}, {workload.Name}, {target.Name}: {sample.RequestsPerSecond:0} req/s{(sample.RanOut ? " (ran out of numbers)" : "")}");
                    }
                }
            }

            var peaks = new Dictionary<string, long>();
            foreach (var target in targets)
            {
                peaks[target.Name] = (await target.StatsAsync()).PeakRssBytes;
            }

            return Report(concurrency, workloads, samples, peaks);
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync();
            }
        }
    }

    private static (List<string> Lines, List<string> Missed) Report(
        int concurrency, Workload[] workloads, Dictionary<string, Dictionary<string, List<Sample>>> samples, Dictionary<string, long> peaks)
    {
        var lines = new List<string> { "", $"concurrency {concurrency}", $"{"",-44} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"KiB/req",8} {"CPU ms/req",10}" };
        var missed = new List<string>();
        foreach (var workload in workloads)
        {
            var service = Totals.Of(samples["service"][workload.Name]);
            var baseline = Totals.Of(samples["baseline"][workload.Name]);
            var throughput = service.RequestsPerSecond / baseline.RequestsPerSecond;
            var p99 = service.P99 / baseline.P99;
            var perRound = samples["service"][workload.Name].Zip(samples["baseline"][workload.Name], (s, b) => s.RequestsPerSecond / b.RequestsPerSecond).ToArray();
            var ok = throughput >= workload.MinThroughputRatio && p99 <= workload.MaxP99Ratio;
            if (!ok)
            {
                missed.Add($"concurrency {concurrency}, {workload.Name}: {throughput:0.00}× the baseline's req/s (target ≥ {workload.MinThroughputRatio:0.00}×), p99 {p99:0.00}× (target ≤ {workload.MaxP99Ratio:0.00}×)");
            }

            lines.Add(workload.Name + (service.RanOut || baseline.RanOut ? "  (a target ran out of numbers: raise --write-pool)" : ""));
            lines.Add(Row("  service", service));
            lines.Add(Row("  baseline", baseline));
            lines.Add($"{"  service/baseline",-44} {throughput,7:0.00}× {service.P50 / baseline.P50,7:0.00}× {p99,7:0.00}× {service.KiBPerRequest / baseline.KiBPerRequest,7:0.0}× {service.CpuMsPerRequest / baseline.CpuMsPerRequest,9:0.00}×"
                + $"  rounds {string.Join(" ", perRound.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}"
                + $"  target ≥ {workload.MinThroughputRatio:0.00}× req/s, p99 ≤ {workload.MaxP99Ratio:0.00}×: {(ok ? "met" : "MISSED")}");
        }

        var servicePeak = peaks["service"] / 1024.0 / 1024.0;
        var rssLine = $"peak RSS: service {servicePeak:0} MB, baseline {peaks["baseline"] / 1024.0 / 1024.0:0} MB";
        if (concurrency == RssConcurrency)
        {
            var ok = peaks["service"] <= MaxServicePeakRssBytes;
            rssLine += $"  target service ≤ {MaxServicePeakRssBytes / 1024 / 1024} MB: {(ok ? "met" : "MISSED")}";
            if (!ok)
            {
                missed.Add($"concurrency {concurrency}: the service's peak RSS was {servicePeak:0} MB (target ≤ {MaxServicePeakRssBytes / 1024 / 1024} MB)");
            }
        }

        lines.Add(rssLine);
        return (lines, missed);

        static string Row(string label, Totals t) =>
            $"{label,-44} {t.RequestsPerSecond,8:0} {t.P50,8:0.0} {t.P99,8:0.0} {t.KiBPerRequest,8:0.0} {t.CpuMsPerRequest,10:0.00}";
    }

    /// <summary>
    /// Both targets must answer alike, or the ratios compare different work: the same list page byte for
    /// byte (they read copies of one database), and a release request with the same status, Location and fields.
    /// </summary>
    private static async Task CheckSameAnswersAsync(TargetProcess service, TargetProcess baseline)
    {
        var pages = new List<string>();
        foreach (var target in new[] { service, baseline })
        {
            using var response = await target.Reads.GetAsync(Workload.ListPath);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchException($"{target.Name}: GET {Workload.ListPath} answered {(int)response.StatusCode} {body}");
            }

            pages.Add(body);
        }

        if (pages[0] != pages[1])
        {
            var at = Enumerable.Range(0, Math.Min(pages[0].Length, pages[1].Length)).FirstOrDefault(i => pages[0][i] != pages[1][i]);
            throw new BenchException($"the list pages differ from character {at}:\n  service:  …{Excerpt(pages[0], at)}…\n  baseline: …{Excerpt(pages[1], at)}…");
        }

        var shapes = new List<string>();
        foreach (var target in new[] { service, baseline })
        {
            using var response = await Workload.RequestRelease().Send(target)!;
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != 201 || response.Headers.Location is null)
            {
                throw new BenchException($"{target.Name}: request-release answered {(int)response.StatusCode} (Location {response.Headers.Location}) {body}");
            }

            var data = JsonNode.Parse(body)!;
            shapes.Add($"{string.Join(",", data.AsObject().Select(p => p.Key))} / {string.Join(",", data["data"]!.AsObject().Select(p => $"{p.Key}:{p.Value!.GetValueKind()}"))}");
        }

        if (shapes[0] != shapes[1])
        {
            throw new BenchException($"the request-release answers differ in shape:\n  service:  {shapes[0]}\n  baseline: {shapes[1]}");
        }
    }

    private static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 60), Math.Min(120, text.Length - Math.Max(0, at - 60)));

    private static string SqliteSettings(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        string Pragma(string name)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        }

        return $"SQLite {connection.ServerVersion}: journal_mode={Pragma("journal_mode")}, synchronous={Pragma("synchronous")} (SQLite's default; neither target sets it)";
    }

    private sealed record Totals(double RequestsPerSecond, double P50, double P99, double KiBPerRequest, double CpuMsPerRequest, bool RanOut)
    {
        public static Totals Of(IReadOnlyList<Sample> samples)
        {
            var latencies = samples.SelectMany(s => s.Latencies).ToArray();
            Array.Sort(latencies);
            var requests = samples.Sum(s => s.Requests);
            return new Totals(
                requests / samples.Sum(s => s.Seconds),
                latencies[latencies.Length / 2],
                latencies[(int)(latencies.Length * 0.99)],
                samples.Sum(s => s.AllocatedBytes) / 1024.0 / requests,
                samples.Sum(s => s.CpuMs) / requests,
                samples.Any(s => s.RanOut));
        }
    }
}
