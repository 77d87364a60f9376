using Talkover.Application.Abstractions;
using Talkover.Application.Webhooks;
using Talkover.Domain.Webhooks;

namespace Talkover.Infrastructure.Persistence.Repositories;

internal sealed class WebhookRepository(DbSession db) : IWebhookRepository
{
    internal static class Sql
    {
        public const string CountForUpdate = "SELECT COUNT(*) FROM webhooks w /*lock*/ WHERE w.environment_id = @EnvironmentId";

        public const string Insert = """
            INSERT INTO webhooks (id, environment_id, url, events, description, secret_protected, created_at)
            VALUES (@Id, @EnvironmentId, @Url, @Events, @Description, @SecretProtected, @CreatedAt)
            """;

        public const string SelectForUpdate = "SELECT w.id FROM webhooks w /*lock*/ WHERE w.environment_id = @EnvironmentId AND w.id = @Id";

        public const string DeleteDeliveries = "DELETE FROM webhook_deliveries WHERE webhook_id = @Id";

        public const string DeleteCounter = "DELETE FROM list_counters WHERE scope_id = @Id AND list = 'webhook_deliveries'";

        public const string Delete = "DELETE FROM webhooks WHERE id = @Id";

        public const string DeliveryExists = """
            SELECT d.id FROM webhook_deliveries d
            INNER JOIN webhooks w ON w.id = d.webhook_id
            WHERE d.id = @DeliveryId AND d.webhook_id = @WebhookId AND w.environment_id = @EnvironmentId
            """;

        // A delivery in flight (leased) keeps its attempt: its outcome is recorded as it ends.
        public const string Requeue = """
            UPDATE webhook_deliveries
            SET status = 'pending', retry_step = 0, next_attempt_at = @Now
            WHERE id = @DeliveryId AND lease_owner IS NULL
            """;
    }

    public async Task<int> CountForUpdateAsync(Guid environmentId, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<int>(db.Dialect.Locking(Sql.CountForUpdate), new { EnvironmentId = environmentId }, cancellationToken);

    public Task AddAsync(Webhook webhook, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.Insert, new
        {
            webhook.Id,
            webhook.EnvironmentId,
            webhook.Url,
            Events = string.Join(WebhookProfile.EventSeparator, webhook.Events),
            webhook.Description,
            SecretProtected = webhook.ProtectedSecret,
            webhook.CreatedAt,
        }, cancellationToken);

    public async Task<bool> DeleteAsync(Guid environmentId, Guid webhookId, CancellationToken cancellationToken)
    {
        var found = await db.QuerySingleOrDefaultAsync<Guid?>(db.Dialect.Locking(Sql.SelectForUpdate), new { EnvironmentId = environmentId, Id = webhookId }, cancellationToken);
        if (found is null)
        {
            return false;
        }

        await db.ExecuteAsync(Sql.DeleteDeliveries, new { Id = webhookId }, cancellationToken);
        await db.ExecuteAsync(Sql.DeleteCounter, new { Id = webhookId }, cancellationToken);
        await db.ExecuteAsync(Sql.Delete, new { Id = webhookId }, cancellationToken);
        return true;
    }

    public async Task<bool> RequeueDeliveryAsync(Guid environmentId, Guid webhookId, Guid deliveryId, DateTime now, CancellationToken cancellationToken)
    {
        var found = await db.QuerySingleOrDefaultAsync<Guid?>(Sql.DeliveryExists,
            new { EnvironmentId = environmentId, WebhookId = webhookId, DeliveryId = deliveryId }, cancellationToken);
        if (found is null)
        {
            return false;
        }

        await db.ExecuteAsync(Sql.Requeue, new { DeliveryId = deliveryId, Now = now }, cancellationToken);
        return true;
    }
}
