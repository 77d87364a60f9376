using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Agents.ListAgents;

internal sealed class ListAgentsQueryHandler(IAgentQueries queries, IMapper mapper) : IRequestHandler<ListAgentsQuery, Paged<AgentDto>>
{
    public async Task<Paged<AgentDto>> Handle(ListAgentsQuery query, CancellationToken cancellationToken)
    {
        var search = query.Search.ValueOr(null)?.Trim();
        var filter = new AgentFilter(query.Status.ValueOr(null), query.Direction.ValueOr(null), string.IsNullOrEmpty(search) ? null : search);
        var (items, total) = await queries.ListAsync(query.EnvironmentId, filter, query.Page, cancellationToken);
        return new Paged<AgentDto>(mapper.Map<IReadOnlyList<AgentDto>>(items), PageMeta.For(query.Page, total));
    }
}
