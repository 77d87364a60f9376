using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.Agents;

namespace Talkover.Application.Agents.CreateAgent;

internal sealed class CreateAgentCommandValidator : AbstractValidator<CreateAgentCommand>
{
    public CreateAgentCommandValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(NameRules.Problem);
        RuleFor(x => x.Label).Cascade(CascadeMode.Stop).OfType("a string").Meets(NameRules.Problem);
        RuleFor(x => x.Language).Cascade(CascadeMode.Stop).OfType("a string").OneOf(AgentLanguages.All);
        RuleFor(x => x.Direction).Cascade(CascadeMode.Stop).OfType("a string").OneOf(AgentDirection.All);
    }
}
