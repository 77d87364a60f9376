using Talkover.Domain.Webhooks;

namespace Talkover.Application.Abstractions;

public interface IWebhookRepository
{
    /// <summary>How many webhooks the environment has, with their range locked until the transaction ends (so two creations count one after the other).</summary>
    Task<int> CountForUpdateAsync(Guid environmentId, CancellationToken cancellationToken);

    Task AddAsync(Webhook webhook, CancellationToken cancellationToken);

    /// <summary>Deletes the environment's webhook and every delivery to it; false when it has no such webhook.</summary>
    Task<bool> DeleteAsync(Guid environmentId, Guid webhookId, CancellationToken cancellationToken);

    /// <summary>
    /// Queues a delivery to the environment's webhook again, due now, with a fresh run of retries (one in flight
    /// is left to its attempt); false when there is no such delivery.
    /// </summary>
    Task<bool> RequeueDeliveryAsync(Guid environmentId, Guid webhookId, Guid deliveryId, DateTime now, CancellationToken cancellationToken);
}
