using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Environments.RevokeToken;

internal sealed class RevokeEnvironmentTokenCommandValidator : AbstractValidator<RevokeEnvironmentTokenCommand>
{
    public RevokeEnvironmentTokenCommandValidator()
    {
        RuleFor(x => x.EnvironmentId).OfType("a valid UUID");
        RuleFor(x => x.TokenId).OfType("a valid UUID");
    }
}
