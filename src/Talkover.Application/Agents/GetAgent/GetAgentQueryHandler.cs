using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Agents.GetAgent;

internal sealed class GetAgentQueryHandler(IAgentQueries queries, IMapper mapper) : IRequestHandler<GetAgentQuery, AgentDto>
{
    public async Task<AgentDto> Handle(GetAgentQuery query, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(query.EnvironmentId, query.AgentId.Value, cancellationToken) ?? throw DomainErrors.AgentNotFound();
        return mapper.Map<AgentDto>(model);
    }
}
