using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.PhoneNumbers.GetPhoneNumber;

internal sealed class GetPhoneNumberQueryValidator : AbstractValidator<GetPhoneNumberQuery>
{
    public GetPhoneNumberQueryValidator()
    {
        RuleFor(x => x.PhoneNumberId).OfType("a valid UUID");
    }
}
