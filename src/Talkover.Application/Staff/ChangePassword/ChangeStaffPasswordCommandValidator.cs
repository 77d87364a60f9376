using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Staff.ChangePassword;

internal sealed class ChangeStaffPasswordCommandValidator : AbstractValidator<ChangeStaffPasswordCommand>
{
    public ChangeStaffPasswordCommandValidator()
    {
        RuleFor(x => x.CurrentPassword).Cascade(CascadeMode.Stop).Present().OfType("a string");
        RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(StaffRules.PasswordProblem);
    }
}
