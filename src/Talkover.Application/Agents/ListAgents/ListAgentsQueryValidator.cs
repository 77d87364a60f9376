using FluentValidation;
using Talkover.Application.Common;
using Talkover.Application.Validation;
using Talkover.Domain.Agents;

namespace Talkover.Application.Agents.ListAgents;

internal sealed class ListAgentsQueryValidator : AbstractValidator<ListAgentsQuery>
{
    public ListAgentsQueryValidator()
    {
        RuleFor(x => x.Status).Cascade(CascadeMode.Stop).OfType("a string").OneOf(AgentStatus.All);
        RuleFor(x => x.Direction).Cascade(CascadeMode.Stop).OfType("a string").OneOf(AgentDirection.All);
        RuleFor(x => x.Search).Cascade(CascadeMode.Stop).OfType("a string").SearchText();
        this.AddPagingRules(x => x.Page);
    }
}
