using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.PhoneNumbers;

namespace Talkover.Application.PhoneNumbers.ProvisionPhoneNumber;

internal sealed class ProvisionPhoneNumberCommandValidator : AbstractValidator<ProvisionPhoneNumberCommand>
{
    public ProvisionPhoneNumberCommandValidator()
    {
        RuleFor(x => x.EnvironmentId).OfType("a valid UUID");
        RuleFor(x => x.CountryCode).Cascade(CascadeMode.Stop).Present().OfType("a string")
            .Meets(code => PhoneNumberFormatting.IsKnownRegion(code) ? null : "must be an ISO 3166-1 alpha-2 country code, e.g. US");
        RuleFor(x => x.Number).Cascade(CascadeMode.Stop).Present().OfType("a string")
            .Meets((command, number) => PhoneNumberFormatting.E164Problem(number, command.CountryCode.ValueOr("")!));
        RuleFor(x => x.Type).Cascade(CascadeMode.Stop).OfType("a string").OneOf(PhoneNumberTypes.All);
        RuleFor(x => x.HasVoice).OfType("a boolean");
        RuleFor(x => x.HasSms).OfType("a boolean");
        RuleFor(x => x.HasMms).OfType("a boolean");
        RuleFor(x => x.HasFax).OfType("a boolean");
        RuleFor(x => x.HasWhatsapp).OfType("a boolean");
        RuleFor(x => x.IsSandbox).OfType("a boolean");
        RuleFor(x => x.AutoRenewal).OfType("a boolean");
        RuleFor(x => x.CurrentPrice).Cascade(CascadeMode.Stop).OfType("a number").Meets(NonNegativeAmount);
        RuleFor(x => x.MonthlyRenewalCost).Cascade(CascadeMode.Stop).OfType("a number").Meets(NonNegativeAmount);
        RuleFor(x => x.Currency).Cascade(CascadeMode.Stop).OfType("a string")
            .Meets(code => code.Length == 3 && code.All(char.IsAsciiLetterUpper) ? null : "must be an ISO 4217 code, e.g. USD");
        RuleFor(x => x.RenewalDate).OfType("a date (YYYY-MM-DD)");
    }

    private static string? NonNegativeAmount(decimal amount) =>
        amount is < 0 or > 1_000_000 || decimal.Round(amount, 4) != amount ? "must be between 0 and 1000000 with at most 4 decimals" : null;
}
