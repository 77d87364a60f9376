using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.RequestRelease;

internal sealed class RequestPhoneNumberReleaseCommandValidator : AbstractValidator<RequestPhoneNumberReleaseCommand>
{
    public RequestPhoneNumberReleaseCommandValidator()
    {
        RuleFor(x => x.PhoneNumberId).OfType("a valid UUID");
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(ReleaseReason.Problem);
    }
}
