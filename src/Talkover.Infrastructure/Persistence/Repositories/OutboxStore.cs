using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence.Repositories;

/// <summary>The outbox's writes, in the command's transaction: the event, then one delivery per subscribed webhook.</summary>
internal sealed class OutboxStore(DbSession db) : IOutbox
{
    internal static class Sql
    {
        // events holds the subscribed types comma-separated; the environment's few webhooks are read through its index.
        // Locked (SQL Server) until commit, so a webhook deleted meanwhile cannot leave a delivery pointing at nothing.
        public const string Subscribers = """
            SELECT w.id FROM webhooks w /*lock*/
            WHERE w.environment_id = @EnvironmentId AND CONCAT(',', w.events, ',') LIKE @EventPattern ESCAPE '\'
            """;

        public const string InsertEvent = """
            INSERT INTO webhook_events (id, environment_id, type, body, created_at)
            VALUES (@Id, @EnvironmentId, @Type, @Body, @CreatedAt)
            """;

        public const string InsertDelivery = """
            INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, attempts, retry_step, next_attempt_at, created_at)
            VALUES (@Id, @WebhookId, @EventId, @EventType, 'pending', 0, 0, @CreatedAt, @CreatedAt)
            """;
    }

    public async Task<int> AddAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        var webhooks = await db.QueryAsync<Guid>(db.Dialect.Locking(Sql.Subscribers), new
        {
            outboxEvent.EnvironmentId,

            // The type as a whole item of the webhook's comma-separated list; its _ escaped, or it would match any character.
            EventPattern = db.Dialect.LikeContains($",{outboxEvent.Type},"),
        }, cancellationToken);
        if (webhooks.Count == 0)
        {
            // Nobody listens: nothing to send, nothing to keep.
            return 0;
        }

        await db.ExecuteAsync(Sql.InsertEvent, outboxEvent, cancellationToken);
        foreach (var webhookId in webhooks)
        {
            await db.ExecuteAsync(Sql.InsertDelivery, new
            {
                Id = Guid.CreateVersion7(),
                WebhookId = webhookId,
                EventId = outboxEvent.Id,
                EventType = outboxEvent.Type,
                outboxEvent.CreatedAt,
            }, cancellationToken);
        }

        return webhooks.Count;
    }
}
