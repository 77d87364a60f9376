using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.Environments;

namespace Talkover.Application.Environments.CreateEnvironment;

internal sealed class CreateEnvironmentCommandValidator : AbstractValidator<CreateEnvironmentCommand>
{
    public CreateEnvironmentCommandValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(NameRules.Problem);
        RuleFor(x => x.Plan).Cascade(CascadeMode.Stop).OfType("a string").OneOf(Plans.All);
    }
}
