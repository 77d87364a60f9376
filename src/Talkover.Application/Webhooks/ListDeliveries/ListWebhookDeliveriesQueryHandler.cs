using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Domain.Common;

namespace Talkover.Application.Webhooks.ListDeliveries;

internal sealed class ListWebhookDeliveriesQueryHandler(IWebhookQueries queries, IMapper mapper)
    : IRequestHandler<ListWebhookDeliveriesQuery, Paged<WebhookDeliveryDto>>
{
    public async Task<Paged<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var webhookId = query.WebhookId.Value;
        _ = await queries.GetAsync(query.EnvironmentId, webhookId, cancellationToken) ?? throw DomainErrors.WebhookNotFound();
        var scope = ListCursor.Scope("webhook_deliveries", query.EnvironmentId, webhookId);
        var window = ListCursor.Window(query.Page, scope);
        var slice = await queries.ListDeliveriesAsync(webhookId, window, cancellationToken);
        return Paged.From(slice, window, scope, d => (d.CreatedAt, d.Id), mapper.Map<IReadOnlyList<WebhookDeliveryDto>>);
    }
}
