using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Staff.CreateApiKey;

internal sealed class CreateStaffApiKeyCommandValidator : AbstractValidator<CreateStaffApiKeyCommand>
{
    public CreateStaffApiKeyCommandValidator()
    {
        RuleFor(x => x.StaffId).OfType("a valid UUID");
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(NameRules.Problem);
    }
}
