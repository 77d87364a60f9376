using FluentValidation;
using Talkover.Application.Common;
using Talkover.Application.Validation;

namespace Talkover.Application.ReleaseRequests.ListReleaseRequests;

internal sealed class ListReleaseRequestsQueryValidator : AbstractValidator<ListReleaseRequestsQuery>
{
    public ListReleaseRequestsQueryValidator()
    {
        RuleFor(x => x.Status).Cascade(CascadeMode.Stop).ValidStatus();
        RuleFor(x => x.PhoneNumberId).OfType("a valid UUID");
        this.AddPagingRules(x => x.Page);
    }
}
