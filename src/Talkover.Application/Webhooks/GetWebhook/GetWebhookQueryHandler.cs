using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Webhooks.GetWebhook;

internal sealed class GetWebhookQueryHandler(IWebhookQueries queries, IMapper mapper) : IRequestHandler<GetWebhookQuery, WebhookDto>
{
    public async Task<WebhookDto> Handle(GetWebhookQuery query, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(query.EnvironmentId, query.WebhookId.Value, cancellationToken) ?? throw DomainErrors.WebhookNotFound();
        return mapper.Map<WebhookDto>(model);
    }
}
