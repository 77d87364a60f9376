using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.CancelReleaseRequest;

internal sealed class CancelReleaseRequestCommandValidator : AbstractValidator<CancelReleaseRequestCommand>
{
    public CancelReleaseRequestCommandValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop).OfType("a string").Meets(ResolutionNote.OptionalProblem);
    }
}
