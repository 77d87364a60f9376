using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review.ApproveReleaseRequest;

internal sealed class ApproveReleaseRequestCommandValidator : AbstractValidator<ApproveReleaseRequestCommand>
{
    public ApproveReleaseRequestCommandValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop).OfType("a string").Meets(ResolutionNote.OptionalProblem);
    }
}
