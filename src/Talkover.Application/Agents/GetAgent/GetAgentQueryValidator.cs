using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Agents.GetAgent;

internal sealed class GetAgentQueryValidator : AbstractValidator<GetAgentQuery>
{
    public GetAgentQueryValidator()
    {
        RuleFor(x => x.AgentId).OfType("a valid UUID");
    }
}
