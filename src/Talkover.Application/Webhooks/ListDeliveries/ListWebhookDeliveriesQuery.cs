using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Webhooks.ListDeliveries;

/// <summary>The deliveries to one of the environment's webhooks, newest first.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid EnvironmentId, Input<Guid> WebhookId, PageRequest Page) : IQuery<Paged<WebhookDeliveryDto>>;
