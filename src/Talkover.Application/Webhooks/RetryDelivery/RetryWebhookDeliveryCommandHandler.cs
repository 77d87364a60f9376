using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Events;
using Talkover.Domain.Common;

namespace Talkover.Application.Webhooks.RetryDelivery;

internal sealed class RetryWebhookDeliveryCommandHandler(
    IWebhookRepository webhooks, IWebhookQueries queries, EventOutbox events, IMapper mapper, TimeProvider clock)
    : IRequestHandler<RetryWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(RetryWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var webhookId = command.WebhookId.Value;
        _ = await queries.GetAsync(command.EnvironmentId, webhookId, cancellationToken) ?? throw DomainErrors.WebhookNotFound();
        if (!await webhooks.RequeueDeliveryAsync(command.EnvironmentId, webhookId, command.DeliveryId.Value, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            throw DomainErrors.DeliveryNotFound();
        }

        events.DispatchAfterCommit();
        var delivery = await queries.GetDeliveryAsync(webhookId, command.DeliveryId.Value, cancellationToken)
            ?? throw new InvalidOperationException("A delivery just queued again could not be read back.");
        return mapper.Map<WebhookDeliveryDto>(delivery);
    }
}
