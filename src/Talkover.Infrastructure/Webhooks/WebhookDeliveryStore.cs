using Talkover.Infrastructure.Persistence;

namespace Talkover.Infrastructure.Webhooks;

/// <summary>
/// The dispatcher's reads and writes. Each is one statement outside any transaction; on SQLite each waits for
/// this process's write turn like every other writer, and other processes are kept out by the file's lock.
/// </summary>
public sealed class WebhookDeliveryStore
{
    private readonly DbSession _db;

    internal WebhookDeliveryStore(DbSession db) => _db = db;

    internal static class Sql
    {
        public const string Claimed = """
            SELECT d.id, d.event_id, d.retry_step, w.url, w.secret_protected, e.body
            FROM webhook_deliveries d
            INNER JOIN webhooks w ON w.id = d.webhook_id
            INNER JOIN webhook_events e ON e.id = d.event_id
            WHERE d.lease_owner = @LeaseOwner
            """;

        // Only the lease's holder records: a delivery whose lease ran out and was claimed again belongs to the new claim.
        public const string Record = """
            UPDATE webhook_deliveries
            SET status = @Status, attempts = attempts + 1, retry_step = @RetryStep, next_attempt_at = @NextAttemptAt, lease_owner = NULL,
                last_status_code = @StatusCode, last_error = @Error, delivered_at = @DeliveredAt
            WHERE id = @Id AND lease_owner = @LeaseOwner
            """;
    }

    /// <summary>Leases up to <paramref name="batchSize"/> due deliveries to <paramref name="leaseOwner"/> and reads them.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(Guid leaseOwner, DateTime now, DateTime leaseUntil, int batchSize, CancellationToken cancellationToken)
    {
        var claimed = await _db.ExecuteAsync(_db.Dialect.ClaimDueWebhookDeliveries,
            new { LeaseOwner = leaseOwner, Now = now, LeaseUntil = leaseUntil, BatchSize = batchSize }, cancellationToken);
        return claimed == 0 ? [] : await _db.QueryAsync<ClaimedDelivery>(Sql.Claimed, new { LeaseOwner = leaseOwner }, cancellationToken);
    }

    /// <summary>Records an attempt and gives the lease back; false when the lease was no longer this claim's.</summary>
    public async Task<bool> RecordAsync(Guid deliveryId, Guid leaseOwner, DeliveryOutcome outcome, CancellationToken cancellationToken) =>
        await _db.ExecuteAsync(Sql.Record, new
        {
            Id = deliveryId,
            LeaseOwner = leaseOwner,
            outcome.Status,
            outcome.RetryStep,
            outcome.NextAttemptAt,
            outcome.StatusCode,
            outcome.Error,
            outcome.DeliveredAt,
        }, cancellationToken) == 1;
}
