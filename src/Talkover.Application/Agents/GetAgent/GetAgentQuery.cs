using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.Common;

namespace Talkover.Application.Agents.GetAgent;

public sealed record GetAgentQuery(Guid EnvironmentId, Input<Guid> AgentId) : IQuery<AgentDto>;

internal sealed class GetAgentQueryValidator : AbstractValidator<GetAgentQuery>
{
    public GetAgentQueryValidator()
    {
        RuleFor(x => x.AgentId).OfType("a valid UUID");
    }
}

internal sealed class GetAgentQueryHandler(IAgentQueries queries, IMapper mapper) : IRequestHandler<GetAgentQuery, AgentDto>
{
    public async Task<AgentDto> Handle(GetAgentQuery query, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(query.EnvironmentId, query.AgentId.Value, cancellationToken) ?? throw DomainErrors.AgentNotFound();
        return mapper.Map<AgentDto>(model);
    }
}
