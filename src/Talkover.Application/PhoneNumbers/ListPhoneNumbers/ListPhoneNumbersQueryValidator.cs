using FluentValidation;
using Talkover.Application.Common;
using Talkover.Application.Validation;
using Talkover.Domain.PhoneNumbers;

namespace Talkover.Application.PhoneNumbers.ListPhoneNumbers;

internal sealed class ListPhoneNumbersQueryValidator : AbstractValidator<ListPhoneNumbersQuery>
{
    public ListPhoneNumbersQueryValidator()
    {
        RuleFor(x => x.Type).Cascade(CascadeMode.Stop).OfType("a string").OneOf(PhoneNumberTypes.All);
        RuleFor(x => x.HasVoice).OfType("true or false");
        RuleFor(x => x.HasWhatsapp).OfType("true or false");
        RuleFor(x => x.Search).Cascade(CascadeMode.Stop).OfType("a string").SearchText();
        this.AddPagingRules(x => x.Page);
    }
}
