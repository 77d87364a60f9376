using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Talkover.Infrastructure.Persistence;

namespace Talkover.Bench;

/// <summary>
/// The database every target starts from, made once per run and copied for each target: the service's
/// migrations, then rows as the service would have written them (same text forms for ids, timestamps,
/// dates and money). Two enterprise environments, each with its own token:
/// <list type="bullet">
/// <item>"Bench reads": the listed numbers, a few held by agents and a few with a pending release request;</item>
/// <item>"Bench writes": numbers that are only ever asked to be released, each once.</item>
/// </list>
/// </summary>
internal sealed record Seed(string TemplatePath, string ReadsToken, string WritesToken, IReadOnlyList<string> WriteNumberIds, int ListedNumbers)
{
    private const string Timestamp = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static Seed Create(string folder, int listedNumbers, int writeNumbers)
    {
        var path = Path.Combine(folder, "template.db");
        new DatabaseMigrator(new DatabaseOptions { ConnectionString = $"Data Source={path}" }).Migrate();

        var clock = DateTime.UtcNow.AddDays(-30);
        string Next() => (clock = clock.AddMilliseconds(1500)).ToString(Timestamp, CultureInfo.InvariantCulture);
        static string Id() => Guid.CreateVersion7().ToString("D");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var writeIds = new List<string>(writeNumbers);
        string readsToken, writesToken;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();

            string NewEnvironment(string name, out string token)
            {
                var id = Id();
                Execute(connection, "INSERT INTO environments (id, name, plan_name, created_at) VALUES ($1, $2, 'enterprise', $3)", id, name, Next());
                token = "talq_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
                Execute(connection, "INSERT INTO environment_tokens (id, environment_id, token_hash, created_at) VALUES ($1, $2, $3, $4)", Id(), id, hash, Next());
                return id;
            }

            var reads = NewEnvironment("Bench reads", out readsToken);
            var writes = NewEnvironment("Bench writes", out writesToken);

            var agents = new[] { ("Front desk", "inbound"), ("Collections", "outbound"), ("Support line", "inbound") }
                .Select(agent =>
                {
                    var id = Id();
                    var at = Next();
                    Execute(connection, """
                        INSERT INTO agents (id, environment_id, name, label, language, direction, current_status, created_at, updated_at)
                        VALUES ($1, $2, $3, NULL, 'en-US', $4, 'published', $5, $5)
                        """, id, reads, agent.Item1, agent.Item2, at);
                    return id;
                })
                .ToArray();

            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO phone_numbers (id, environment_id, number, country_code, type, has_voice, has_sms, has_mms, has_fax, has_whatsapp,
                    is_sandbox, current_status, current_price, currency, renewal_date, auto_renewal, monthly_renewal_cost, created_at, updated_at)
                VALUES ($1, $2, $3, 'US', $4, 1, $5, 0, 0, $6, 0, 'active', $7, $8, $9, $10, $7, $11, $11)
                """;
            var parameters = Enumerable.Range(1, 11).Select(n => insert.Parameters.Add(new SqliteParameter($"${n}", null))).ToArray();
            insert.Prepare();

            string Number(string environment, int i, string number, bool priced)
            {
                var id = Id();
                var at = Next();
                object?[] values =
                [
                    id, environment, number, i % 4 == 3 ? "sms" : "voice", i % 2, i % 5 == 0 ? 1 : 0,
                    priced ? (i % 3 == 0 ? "1.15" : "2.5") : null, priced ? "USD" : null,
                    priced ? today.AddDays(i % 40 - 10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    i % 2, at,
                ];
                for (var n = 0; n < values.Length; n++)
                {
                    parameters[n].Value = values[n] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
                return id;
            }

            for (var i = 0; i < listedNumbers; i++)
            {
                var id = Number(reads, i, $"+1555{2_000_000 + i}", priced: true);
                if (i % 10 == 0)
                {
                    Execute(connection, "INSERT INTO agent_phone_numbers (agent_id, phone_number_id) VALUES ($1, $2)", agents[i / 10 % agents.Length], id);
                }
                else if (i % 7 == 0)
                {
                    var requestId = Id();
                    var at = Next();
                    Execute(connection, """
                        INSERT INTO release_requests (id, environment_id, phone_number_id, phone_number, reason, status, requested_at)
                        VALUES ($1, $2, $3, $4, 'This number is no longer used by our support team.', 'pending', $5)
                        """, requestId, reads, id, $"+1555{2_000_000 + i}", at);
                    Execute(connection, """
                        INSERT INTO release_request_history (id, release_request_id, from_status, to_status, actor, occurred_at)
                        VALUES ($1, $2, NULL, 'pending', 'customer', $3)
                        """, Id(), requestId, at);
                }
            }

            for (var i = 0; i < writeNumbers; i++)
            {
                writeIds.Add(Number(writes, i, $"+1555{3_000_000 + i}", priced: false));
            }

            transaction.Commit();
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }

        return new Seed(path, readsToken, writesToken, writeIds, listedNumbers);
    }

    /// <summary>A fresh copy of the template for one target (the template is checkpointed: the main file is all of it).</summary>
    public string CopyFor(string name)
    {
        var copy = Path.Combine(Path.GetDirectoryName(TemplatePath)!, $"{name}.db");
        File.Copy(TemplatePath, copy, overwrite: true);
        return copy;
    }

    private static void Execute(SqliteConnection connection, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var n = 0; n < values.Length; n++)
        {
            command.Parameters.AddWithValue($"${n + 1}", values[n]);
        }

        command.ExecuteNonQuery();
    }
}
