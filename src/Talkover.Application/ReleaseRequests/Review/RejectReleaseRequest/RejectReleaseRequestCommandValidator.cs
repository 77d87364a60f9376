using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review.RejectReleaseRequest;

internal sealed class RejectReleaseRequestCommandValidator : AbstractValidator<RejectReleaseRequestCommand>
{
    public RejectReleaseRequestCommandValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(ResolutionNote.RejectionProblem);
    }
}
