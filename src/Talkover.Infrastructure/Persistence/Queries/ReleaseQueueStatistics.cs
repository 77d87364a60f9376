using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence.Queries;

/// <summary>
/// The review queue for the metrics gauges: the pending counter kept with the rows (list_counters, scope of
/// every environment) and the oldest pending request through ix_release_requests_status — two index reads,
/// however long the queue. A scrape reads at most once a second; the gauges of one scrape share the answer.
/// When the database cannot answer, the last answer stands (health reports the database).
/// </summary>
internal sealed class ReleaseQueueStatistics(DatabaseAccess database, TimeProvider clock) : IReleaseQueueStatistics
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private ReleaseQueueSnapshot _last;
    private long _readAt;
    private bool _read;

    internal static class Sql
    {
        public const string Read = """
            SELECT (SELECT c.row_count FROM list_counters c WHERE c.scope_id = @Everywhere AND c.list = 'release_requests:pending') AS Pending,
                   (SELECT MIN(r.requested_at) FROM release_requests r WHERE r.status = 'pending') AS OldestRequestedAt
            """;
    }

    public ReleaseQueueSnapshot Read()
    {
        lock (_gate)
        {
            if (_read && Stopwatch.GetElapsedTime(_readAt) < Freshness)
            {
                return _last;
            }

            try
            {
                // Metrics callbacks are synchronous; the read is two index lookups, bounded by ReadTimeout.
                _last = ReadAsync().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is DatabaseUnavailableException or DbException or OperationCanceledException)
            {
                // The last answer stands; /health/ready says the database is down.
            }

            _read = true;
            _readAt = Stopwatch.GetTimestamp();
            return _last;
        }
    }

    private async Task<ReleaseQueueSnapshot> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        await using var connection = await database.OpenAsync(WaitBudget.Of(ReadTimeout), timeout.Token);
        var row = await database.RunAsync(connection.Connection, c => c.QuerySingleAsync<Row>(
            new CommandDefinition(Sql.Read, new { Everywhere = ListCounters.Everywhere }, commandTimeout: (int)ReadTimeout.TotalSeconds, cancellationToken: timeout.Token)));
        var age = row.OldestRequestedAt is { } oldest ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - oldest).TotalSeconds) : 0;
        return new ReleaseQueueSnapshot(row.Pending ?? 0, age);
    }

    private sealed record Row(long? Pending, DateTime? OldestRequestedAt);
}
