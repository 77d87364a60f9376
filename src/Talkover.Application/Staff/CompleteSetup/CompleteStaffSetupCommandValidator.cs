using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Staff.CompleteSetup;

internal sealed class CompleteStaffSetupCommandValidator : AbstractValidator<CompleteStaffSetupCommand>
{
    public CompleteStaffSetupCommandValidator()
    {
        RuleFor(x => x.Token).Cascade(CascadeMode.Stop).Present().OfType("a string");
        RuleFor(x => x.Password).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(StaffRules.PasswordProblem);
    }
}
