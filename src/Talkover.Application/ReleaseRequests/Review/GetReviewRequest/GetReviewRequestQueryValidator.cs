using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.ReleaseRequests.Review.GetReviewRequest;

internal sealed class GetReviewRequestQueryValidator : AbstractValidator<GetReviewRequestQuery>
{
    public GetReviewRequestQueryValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
    }
}
