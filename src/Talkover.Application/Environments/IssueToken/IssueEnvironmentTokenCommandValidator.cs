using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Environments.IssueToken;

internal sealed class IssueEnvironmentTokenCommandValidator : AbstractValidator<IssueEnvironmentTokenCommand>
{
    public IssueEnvironmentTokenCommandValidator()
    {
        RuleFor(x => x.EnvironmentId).OfType("a valid UUID");
    }
}
