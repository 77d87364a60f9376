using FluentValidation.Results;
using Talkover.Application.Abstractions;
using Talkover.Application.PhoneNumbers.ProvisionPhoneNumber;
using Talkover.Application.Tests.Support;

namespace Talkover.Application.Tests.Validation;

[TestFixture]
public sealed class ProvisionPhoneNumberCommandValidatorTests
{
    private static readonly ProvisionPhoneNumberCommandValidator Validator = new();

    private static ProvisionPhoneNumberCommand Command(string number = "+15551234567", string countryCode = "US") =>
        new()
        {
            EnvironmentId = Ids.Environment,
            Number = number,
            CountryCode = countryCode,
            Type = "voice",
            HasVoice = true,
            CurrentPrice = 1.15m,
            Currency = "USD",
            RenewalDate = new DateOnly(2024, 2, 15),
        };

    private static IEnumerable<(string Field, string Message)> Errors(ValidationResult result) =>
        result.Errors.Select(e => (e.PropertyName, e.ErrorMessage));

    [Test]
    public void Validate_WhenSeedsFictionalUsNumber_IsValid()
    {
        var result = Validator.Validate(Command("+15551234567", "US"));

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void Validate_WhenNumberHasNoPlus_ReportsE164Format()
    {
        var result = Validator.Validate(Command("15551234567"));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("number", "number must be in E.164 format, e.g. +15551234567") }));
    }

    [Test]
    public void Validate_WhenUsNumberIsProvisionedAsGb_ReportsItIsNotAGbNumber()
    {
        var result = Validator.Validate(Command("+15551234567", "GB"));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("number", "number is not a GB number") }));
    }

    [Test]
    public void Validate_WhenCountryIsUnknown_ReportsCountryCode()
    {
        var result = Validator.Validate(Command("+15551234567", "XX"));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("country_code", "country_code must be an ISO 3166-1 alpha-2 country code, e.g. US") }));
    }

    [Test]
    public void Validate_WhenPriceIsNegative_ReportsCurrentPrice()
    {
        var result = Validator.Validate(Command() with { CurrentPrice = -0.01m });

        Assert.That(Errors(result), Is.EqualTo(new[] { ("current_price", "current_price must be between 0 and 1000000 with at most 4 decimals") }));
    }

    [Test]
    public void Validate_WhenManyFieldsAreWrong_ReportsEveryFailingFieldAtOnce()
    {
        var command = new ProvisionPhoneNumberCommand
        {
            EnvironmentId = Input<Guid>.WrongType,
            Number = "15551234567",
            CountryCode = "XX",
            Type = "pager",
            HasVoice = Input<bool>.WrongType,
            CurrentPrice = -1m,
            MonthlyRenewalCost = Input<decimal>.WrongType,
            Currency = "usd",
            RenewalDate = Input<DateOnly>.WrongType,
        };

        var result = Validator.Validate(command);

        Assert.That(
            result.Errors.Select(e => e.PropertyName),
            Is.EquivalentTo(new[]
            {
                "environment_id", "number", "country_code", "type", "has_voice", "current_price", "monthly_renewal_cost", "currency", "renewal_date",
            }));
    }

    [Test]
    public void Validate_WhenNumberAndCountryAreMissing_ReportsBothRequired()
    {
        var result = Validator.Validate(new ProvisionPhoneNumberCommand { EnvironmentId = Ids.Environment });

        Assert.That(Errors(result), Is.EquivalentTo(new[] { ("country_code", "country_code is required"), ("number", "number is required") }));
    }
}
