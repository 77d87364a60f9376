using Talkover.Application.Common;
using Talkover.Application.Webhooks;

namespace Talkover.Application.Abstractions;

public interface IWebhookQueries
{
    /// <summary>One webhook of the environment, or null (unknown, or another environment's).</summary>
    Task<WebhookReadModel?> GetAsync(Guid environmentId, Guid webhookId, CancellationToken cancellationToken);

    /// <summary>The environment's webhooks, newest first.</summary>
    Task<ListSlice<WebhookReadModel>> ListAsync(Guid environmentId, ListWindow window, CancellationToken cancellationToken);

    /// <summary>One delivery to a webhook, or null.</summary>
    Task<WebhookDeliveryReadModel?> GetDeliveryAsync(Guid webhookId, Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>The deliveries to a webhook, newest first.</summary>
    Task<ListSlice<WebhookDeliveryReadModel>> ListDeliveriesAsync(Guid webhookId, ListWindow window, CancellationToken cancellationToken);
}
