using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Staff.SignIn;

internal sealed class SignInStaffCommandValidator : AbstractValidator<SignInStaffCommand>
{
    public SignInStaffCommandValidator()
    {
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(e => e.Trim().Length is 0 or > StaffRules.MaxEmailLength ? "must be an email address" : null);
        RuleFor(x => x.Password).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(p => p.Length is 0 or > StaffRules.MaxPasswordLength ? "must be your password" : null);
    }
}
