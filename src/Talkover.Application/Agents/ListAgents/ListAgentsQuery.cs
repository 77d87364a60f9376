using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Validation;
using Talkover.Domain.Agents;

namespace Talkover.Application.Agents.ListAgents;

/// <summary>The environment's agents, newest first. <c>search</c> matches part of the name.</summary>
public sealed record ListAgentsQuery(Guid EnvironmentId, Input<string> Status, Input<string> Direction, Input<string> Search, PageRequest Page)
    : IQuery<Paged<AgentDto>>;

/// <summary>The filters as the read side takes them; null means "any".</summary>
public sealed record AgentFilter(string? Status, string? Direction, string? NameContains);

internal sealed class ListAgentsQueryValidator : AbstractValidator<ListAgentsQuery>
{
    public ListAgentsQueryValidator()
    {
        RuleFor(x => x.Status).Cascade(CascadeMode.Stop).OfType("a string").OneOf(AgentStatus.All);
        RuleFor(x => x.Direction).Cascade(CascadeMode.Stop).OfType("a string").OneOf(AgentDirection.All);
        RuleFor(x => x.Search).Cascade(CascadeMode.Stop).OfType("a string")
            .Meets(text => text.Length > LikePattern.MaxSearchLength ? $"must be at most {LikePattern.MaxSearchLength} characters" : null);
        this.AddPagingRules(x => x.Page);
    }
}

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
