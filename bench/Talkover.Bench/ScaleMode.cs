using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Talkover.Application.Common;
using Talkover.Infrastructure.Persistence;

namespace Talkover.Bench;

/// <summary>
/// Whether lists cost the same at any size: the service over a small database and over a large one (10,000 and
/// 1,000,000 numbers by default, one environment, as many release requests, 1 % of them pending), both running
/// at once, each list request sent to one and then the other in turn, one at a time. It prints the median
/// latency of each list at both sizes and their ratio, and misses the target when large/small passes 1.3.
/// </summary>
internal static class ScaleMode
{
    public const double Target = 1.3;

    /// <summary>The digits every one of <see cref="Planted"/> numbers holds (+1 0087654321, +1 0187654321, …), and no other in practice.</summary>
    private const string PlantedDigits = "87654321";

    private const int Planted = 20;

    private sealed record Sized(int Rows, string DbPath, string Token, string Cursor);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("talkover-scale-").FullName;
        try
        {
            var sizes = new[] { options.ScaleSmall, options.ScaleLarge };
            var seeded = new List<Sized>();
            foreach (var rows in sizes)
            {
                var watch = Stopwatch.StartNew();
                seeded.Add(SeedDatabase(folder, rows));
                Console.WriteLine($"seeded {rows:N0} numbers and {rows:N0} release requests in {watch.Elapsed.TotalSeconds:F0} s ({new FileInfo(seeded[^1].DbPath).Length / 1048576.0:F0} MB)");
            }

            var empty = new Seed("", "", "", [], 0);
            await using var small = await TargetProcess.StartAsync("service", seeded[0].DbPath, empty);
            await using var large = await TargetProcess.StartAsync("service", seeded[1].DbPath, empty);
            var targets = new[] { (Process: small, Size: seeded[0]), (Process: large, Size: seeded[1]) };

            // Targeted: the lists the issue names. Not targeted (shown for what they cost): a filtered list, whose
            // count walks the environment's rows until 10,001 match — bounded by the window, not by the table.
            var workloads = new (string Name, Func<Sized, string> Path, bool Staff, bool Targeted)[]
            {
                ("phone numbers, first page", _ => "/api/v1/phone-numbers", false, true),
                ("phone numbers, deep page (page 500 of 20)", _ => "/api/v1/phone-numbers?page=500", false, true),
                ("phone numbers, last page (cursor)", s => $"/api/v1/phone-numbers?cursor={s.Cursor}", false, true),
                ($"phone numbers, search ({PlantedDigits.Length} digits, {Planted} matches)", _ => $"/api/v1/phone-numbers?search={PlantedDigits}", false, true),
                ("phone numbers, search (3 characters, trigram index)", _ => "/api/v1/phone-numbers?search=%2B1x", false, true),
                ("release requests, first page", _ => "/api/v1/phone-numbers/release-requests", false, true),
                ("release requests, deep page (page 500)", _ => "/api/v1/phone-numbers/release-requests?page=500", false, true),
                ("review queue, first page", _ => "/api/v1/admin/release-requests", true, true),
                ($"review queue, search ({PlantedDigits.Length} digits, {Planted} matches)", _ => $"/api/v1/admin/release-requests?search={PlantedDigits}&status=rejected", true, true),
                ("phone numbers, filtered (type=sms; no target)", _ => "/api/v1/phone-numbers?type=sms", false, false),
            };

            Console.WriteLine();
            Console.WriteLine($"| list | {options.ScaleSmall:N0} rows p50 ms | {options.ScaleLarge:N0} rows p50 ms | large/small | target ≤ {Target}× |");
            Console.WriteLine("|---|---|---|---|---|");
            var missed = 0;
            foreach (var (name, path, staff, targeted) in workloads)
            {
                var latencies = targets.Select(_ => new List<double>()).ToArray();
                for (var i = 0; i < options.ScaleWarmup + options.ScaleSamples; i++)
                {
                    // Alternate which size goes first, so neither always follows the other's work.
                    foreach (var t in i % 2 == 0 ? new[] { 0, 1 } : new[] { 1, 0 })
                    {
                        var (process, size) = targets[t];
                        using var request = new HttpRequestMessage(HttpMethod.Get, path(size));
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staff ? BenchFactory.AdminKey : size.Token);
                        var started = Stopwatch.GetTimestamp();
                        using var response = await process.Reads.SendAsync(request);
                        var body = await response.Content.ReadAsStringAsync();
                        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new BenchException($"{name} at {size.Rows:N0} rows answered {(int)response.StatusCode}: {body}");
                        }

                        if (i >= options.ScaleWarmup)
                        {
                            latencies[t].Add(elapsed);
                        }
                    }
                }

                var p50 = latencies.Select(Median).ToArray();
                var ratio = p50[1] / p50[0];
                var met = !targeted || ratio <= Target;
                missed += met ? 0 : 1;
                var verdict = !targeted ? "—" : met ? "met" : "MISSED";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {p50[0]:F2} | {p50[1]:F2} | {(met ? "" : "**")}{ratio:F2}×{(met ? "" : "**")} | {verdict} |"));
            }

            Console.WriteLine();
            Console.WriteLine(missed == 0 ? "every list met its target" : $"{missed} list(s) missed the target");
            return missed == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("TALKOVER_BENCH_KEEP") == "1")
            {
                Console.WriteLine($"databases kept in {folder}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    /// <summary>
    /// One environment with <paramref name="rows"/> active numbers (pseudo-random ten-digit US numbers, one a second)
    /// and as many release requests, one per number: 1 % pending, the rest rejected (so every number stays listed).
    /// Written with INSERT … SELECT, so the service's triggers keep its counters and trigram indexes as they would.
    /// </summary>
    private static Sized SeedDatabase(string folder, int rows)
    {
        var path = Path.Combine(folder, $"scale-{rows}.db");
        new DatabaseMigrator(new DatabaseOptions { ConnectionString = $"Data Source={path}" }).Migrate();
        var environment = Guid.CreateVersion7().ToString("D");
        var token = "talq_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var transaction = connection.BeginTransaction())
        {
            Execute(connection, "INSERT INTO environments (id, name, plan_name, created_at) VALUES ($environment, 'Bench scale', 'enterprise', '2024-01-01T00:00:00.0000000Z')", environment, rows);
            Execute(connection, "INSERT INTO environment_tokens (id, environment_id, token_hash, created_at) VALUES ($token_id, $environment, $hash, '2024-01-01T00:00:00.0000000Z')", environment, rows,
                ("$token_id", Guid.CreateVersion7().ToString("D")), ("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))));

            // Number i: +1 and ten digits spread by a multiplicative step modulo a prime (from 2000000000), so its
            // digits (and trigrams) vary; every (rows / 20)th instead holds the planted digits after two of its own
            // (below 2000000000, so never one of the others), so a search finds the same 20 numbers at any size.
            Execute(connection, """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
                INSERT INTO phone_numbers (id, environment_id, number, country_code, type, has_voice, has_sms, has_mms, has_fax, has_whatsapp,
                    is_sandbox, current_status, current_price, currency, renewal_date, auto_renewal, monthly_renewal_cost, created_at, updated_at)
                SELECT printf('%08x-0000-7000-8000-%012x', i, i), $environment,
                    CASE WHEN i % ($rows / 20) = 1 THEN '+1' || printf('%02d', i / ($rows / 20)) || '87654321'
                         ELSE '+1' || printf('%010d', 2000000000 + (i * 7919) % 7999999993) END,
                    'US', CASE WHEN i % 4 = 3 THEN 'sms' ELSE 'voice' END, 1, i % 2, 0, 0, 0, 0, 'active', '1.15', 'USD', NULL, 1, '1.15',
                    strftime('%Y-%m-%dT%H:%M:%S', '2024-01-01', '+' || i || ' seconds') || '.0000000Z', '2024-01-01T00:00:00.0000000Z'
                FROM n
                """, environment, rows);
            Execute(connection, """
                INSERT INTO release_requests (id, environment_id, phone_number_id, phone_number, reason, status, requested_at)
                SELECT printf('%08x-0000-7000-9000-%012x', p.rowid, p.rowid), p.environment_id, p.id, p.number, 'No longer used by our support team.',
                    CASE WHEN p.rowid % 100 = 0 THEN 'pending' ELSE 'rejected' END, p.created_at
                FROM phone_numbers p
                """, environment, rows);
            transaction.Commit();
        }

        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)", environment, rows);

        // The last page, newest first, is the 20 oldest numbers: it follows the 21st oldest.
        string cursor;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT created_at, id FROM phone_numbers ORDER BY created_at, id LIMIT 1 OFFSET 20";
            using var reader = command.ExecuteReader();
            reader.Read();
            var at = DateTime.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var id = Guid.Parse(reader.GetString(1));
            var before = new ListWindow(0, 1, null, rows - 21);
            cursor = ListCursor.Next(before, new ListSlice<(DateTime, Guid)>([(at, id)], HasMore: true, default),
                ListCursor.Scope("phone_numbers", Guid.Parse(environment), null, null, null, null), row => row)!;
        }

        return new Sized(rows, path, token, cursor);
    }

    private static void Execute(SqliteConnection connection, string sql, string environment, int rows, params (string Name, object Value)[] more)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        if (sql.Contains("$environment", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$environment", environment);
        }

        if (sql.Contains("$rows", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$rows", rows);
        }

        foreach (var (name, value) in more)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
