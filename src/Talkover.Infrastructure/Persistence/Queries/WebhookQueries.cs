using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Webhooks;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class WebhookQueries(DbSession db) : IWebhookQueries
{
    private const string WebhookColumns = "w.id, w.environment_id, w.url, w.events, w.description, w.created_at";

    private const string DeliveryColumns = """
        d.id, d.webhook_id, d.event_id, d.event_type, d.status, d.attempts, d.last_status_code, d.last_error, d.next_attempt_at,
        d.delivered_at, d.created_at
        """;

    /// <summary>The environment's webhooks, newest first: ix_webhooks_environment (environment_id, created_at, id) walked backwards.</summary>
    internal static readonly ListStatement List = new()
    {
        Name = "WebhookQueries.List",
        Table = "webhooks",
        Alias = "w",
        Columns = WebhookColumns,
        Scope = [new("w.environment_id", "@EnvironmentId")],
        SortColumn = "w.created_at",
        IdColumn = "w.id",
        Descending = true,
    };

    /// <summary>A webhook's deliveries, newest first: ix_webhook_deliveries_webhook (webhook_id, created_at, id) walked backwards.</summary>
    internal static readonly ListStatement Deliveries = new()
    {
        Name = "WebhookQueries.Deliveries",
        Table = "webhook_deliveries",
        Alias = "d",
        Columns = DeliveryColumns,
        Scope = [new("d.webhook_id", "@WebhookId")],
        SortColumn = "d.created_at",
        IdColumn = "d.id",
        Descending = true,
        Counted = new HashSet<int> { 0 },
    };

    internal static class Sql
    {
        public const string ById = $"""
            SELECT {WebhookColumns}
            FROM webhooks w
            WHERE w.environment_id = @EnvironmentId AND w.id = @Id
            """;

        public const string DeliveryById = $"""
            SELECT {DeliveryColumns}
            FROM webhook_deliveries d
            WHERE d.id = @Id AND d.webhook_id = @WebhookId
            """;
    }

    public Task<WebhookReadModel?> GetAsync(Guid environmentId, Guid webhookId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<WebhookReadModel>(Sql.ById, new { EnvironmentId = environmentId, Id = webhookId }, cancellationToken);

    public Task<ListSlice<WebhookReadModel>> ListAsync(Guid environmentId, ListWindow window, CancellationToken cancellationToken) =>
        db.QueryListAsync<WebhookReadModel>(new ListRequest(List).With("EnvironmentId", environmentId), window, cancellationToken);

    public Task<WebhookDeliveryReadModel?> GetDeliveryAsync(Guid webhookId, Guid deliveryId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<WebhookDeliveryReadModel>(Sql.DeliveryById, new { WebhookId = webhookId, Id = deliveryId }, cancellationToken);

    public Task<ListSlice<WebhookDeliveryReadModel>> ListDeliveriesAsync(Guid webhookId, ListWindow window, CancellationToken cancellationToken) =>
        db.QueryListAsync<WebhookDeliveryReadModel>(
            new ListRequest(Deliveries).With("WebhookId", webhookId).CountedBy(webhookId, "webhook_deliveries"), window, cancellationToken);
}
