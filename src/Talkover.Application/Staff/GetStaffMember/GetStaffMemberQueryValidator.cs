using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Staff.GetStaffMember;

internal sealed class GetStaffMemberQueryValidator : AbstractValidator<GetStaffMemberQuery>
{
    public GetStaffMemberQueryValidator() => RuleFor(x => x.StaffId).OfType("a valid UUID");
}
