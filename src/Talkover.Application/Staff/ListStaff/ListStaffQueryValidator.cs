using FluentValidation;
using Talkover.Application.Common;

namespace Talkover.Application.Staff.ListStaff;

internal sealed class ListStaffQueryValidator : AbstractValidator<ListStaffQuery>
{
    public ListStaffQueryValidator() => this.AddPagingRules(x => x.Page);
}
