using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.ReleaseRequests.GetReleaseRequest;

internal sealed class GetReleaseRequestQueryValidator : AbstractValidator<GetReleaseRequestQuery>
{
    public GetReleaseRequestQueryValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
    }
}
