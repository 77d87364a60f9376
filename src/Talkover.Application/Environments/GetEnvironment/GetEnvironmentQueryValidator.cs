using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Environments.GetEnvironment;

internal sealed class GetEnvironmentQueryValidator : AbstractValidator<GetEnvironmentQuery>
{
    public GetEnvironmentQueryValidator()
    {
        RuleFor(x => x.EnvironmentId).OfType("a valid UUID");
    }
}
