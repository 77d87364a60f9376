using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.Staff;

namespace Talkover.Application.Staff.UpdateStaffMember;

internal sealed class UpdateStaffMemberCommandValidator : AbstractValidator<UpdateStaffMemberCommand>
{
    public UpdateStaffMemberCommandValidator()
    {
        RuleFor(x => x.StaffId).OfType("a valid UUID");
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop).OfType("a string").Meets(StaffRules.NameProblem);
        RuleFor(x => x.Role).Cascade(CascadeMode.Stop).OfType("a string").OneOf(StaffRole.All);
        RuleFor(x => x.Status).Cascade(CascadeMode.Stop).OfType("a string").OneOf(StaffStatus.All);
    }
}
