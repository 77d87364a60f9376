using FluentValidation.Results;
using Talkover.Application.Abstractions;
using Talkover.Application.Agents.CreateAgent;
using Talkover.Application.Tests.Support;

namespace Talkover.Application.Tests.Validation;

[TestFixture]
public sealed class CreateAgentCommandValidatorTests
{
    private static readonly CreateAgentCommandValidator Validator = new();

    private static CreateAgentCommand Command(Input<string> name, Input<string> language = default, Input<string> direction = default, Input<string> label = default) =>
        new(Ids.Environment, name, label, language, direction);

    private static IEnumerable<(string Field, string Message)> Errors(ValidationResult result) =>
        result.Errors.Select(e => (e.PropertyName, e.ErrorMessage));

    [Test]
    public void Validate_WhenOnlyNameIsGiven_IsValid()
    {
        Assert.That(Validator.Validate(Command("Front desk")).Errors, Is.Empty);
    }

    [Test]
    public void Validate_WhenEveryFieldIsAllowed_IsValid()
    {
        Assert.That(Validator.Validate(Command("Front desk", "pt-BR", "outbound", "Sales line")).Errors, Is.Empty);
    }

    [TestCase("en-GB")]
    [TestCase("en-us")]
    [TestCase("")]
    public void Validate_WhenLanguageIsNotSupported_ReportsLanguage(string language)
    {
        var result = Validator.Validate(Command("Front desk", language: language));

        Assert.That(
            Errors(result),
            Is.EqualTo(new[] { ("language", "language must be one of: pt-BR, pt-PT, en-US, en-CA, es-ES, fr-FR, de-DE, it-IT, nl-NL, ja-JP, ko-KR, zh-TW") }));
    }

    [TestCase("sideways")]
    [TestCase("Inbound")]
    public void Validate_WhenDirectionIsUnknown_ReportsDirection(string direction)
    {
        var result = Validator.Validate(Command("Front desk", direction: direction));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("direction", "direction must be one of: inbound, outbound") }));
    }

    [Test]
    public void Validate_WhenNameIsMissing_ReportsNameIsRequired()
    {
        var result = Validator.Validate(Command(Input<string>.Missing));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("name", "name is required") }));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Validate_WhenNameIsBlank_ReportsName(string name)
    {
        var result = Validator.Validate(Command(name));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("name", "name must not be empty") }));
    }

    [Test]
    public void Validate_WhenNameIs255Characters_IsValid()
    {
        Assert.That(Validator.Validate(Command(new string('n', 255))).Errors, Is.Empty);
    }

    [Test]
    public void Validate_WhenNameIs256Characters_ReportsMaxLength()
    {
        var result = Validator.Validate(Command(new string('n', 256)));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("name", "name must be at most 255 characters") }));
    }

    [Test]
    public void Validate_WhenLabelIs256Characters_ReportsMaxLength()
    {
        var result = Validator.Validate(Command("Front desk", label: new string('l', 256)));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("label", "label must be at most 255 characters") }));
    }
}
