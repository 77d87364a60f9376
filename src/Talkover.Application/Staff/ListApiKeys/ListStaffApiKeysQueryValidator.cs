using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Staff.ListApiKeys;

internal sealed class ListStaffApiKeysQueryValidator : AbstractValidator<ListStaffApiKeysQuery>
{
    public ListStaffApiKeysQueryValidator() => RuleFor(x => x.StaffId).OfType("a valid UUID");
}
