using FluentValidation;
using Talkover.Application.Common;
using Talkover.Application.Validation;

namespace Talkover.Application.ReleaseRequests.Review.ListReviewQueue;

internal sealed class ListReviewQueueQueryValidator : AbstractValidator<ListReviewQueueQuery>
{
    public ListReviewQueueQueryValidator()
    {
        RuleFor(x => x.Status).Cascade(CascadeMode.Stop).ValidStatus();
        RuleFor(x => x.EnvironmentId).OfType("a valid UUID");
        RuleFor(x => x.Search).Cascade(CascadeMode.Stop).OfType("a string").SearchText();
        this.AddPagingRules(x => x.Page);
    }
}
