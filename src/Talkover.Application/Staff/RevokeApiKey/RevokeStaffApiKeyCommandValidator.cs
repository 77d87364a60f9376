using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Staff.RevokeApiKey;

internal sealed class RevokeStaffApiKeyCommandValidator : AbstractValidator<RevokeStaffApiKeyCommand>
{
    public RevokeStaffApiKeyCommandValidator()
    {
        RuleFor(x => x.StaffId).OfType("a valid UUID");
        RuleFor(x => x.KeyId).OfType("a valid UUID");
    }
}
