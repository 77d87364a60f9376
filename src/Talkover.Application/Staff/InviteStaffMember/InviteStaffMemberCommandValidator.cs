using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.Staff;

namespace Talkover.Application.Staff.InviteStaffMember;

internal sealed class InviteStaffMemberCommandValidator : AbstractValidator<InviteStaffMemberCommand>
{
    public InviteStaffMemberCommandValidator()
    {
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(StaffRules.EmailProblem);
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(StaffRules.NameProblem);
        RuleFor(x => x.Role).Cascade(CascadeMode.Stop).Present().OfType("a string").OneOf(StaffRole.All);
    }
}
