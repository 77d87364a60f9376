using Talkover.Application.Abstractions;

namespace Talkover.Application.Webhooks.RetryDelivery;

/// <summary>Queues a delivery again, due now, with a fresh run of retries.</summary>
public sealed record RetryWebhookDeliveryCommand(Guid EnvironmentId, Input<Guid> WebhookId, Input<Guid> DeliveryId) : ICommand<WebhookDeliveryDto>;
