using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Webhooks.ListWebhooks;

internal sealed class ListWebhooksQueryHandler(IWebhookQueries queries, IMapper mapper) : IRequestHandler<ListWebhooksQuery, Paged<WebhookDto>>
{
    public async Task<Paged<WebhookDto>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var scope = ListCursor.Scope("webhooks", query.EnvironmentId);
        var window = ListCursor.Window(query.Page, scope);
        var slice = await queries.ListAsync(query.EnvironmentId, window, cancellationToken);
        return Paged.From(slice, window, scope, w => (w.CreatedAt, w.Id), mapper.Map<IReadOnlyList<WebhookDto>>);
    }
}
