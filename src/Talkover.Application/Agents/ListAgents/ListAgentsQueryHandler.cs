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
        var scope = ListCursor.Scope("agents", query.EnvironmentId, filter.Status, filter.Direction, filter.NameContains);
        var window = ListCursor.Window(query.Page, scope);
        var slice = await queries.ListAsync(query.EnvironmentId, filter, window, cancellationToken);
        return Paged.From(slice, window, scope, a => (a.CreatedAt, a.Id), mapper.Map<IReadOnlyList<AgentDto>>);
    }
}
