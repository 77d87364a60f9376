using FluentValidation.Results;
using Talkover.Application.Abstractions;
using Talkover.Application.Agents.UpdateAgentCalling;
using Talkover.Application.Tests.Support;

namespace Talkover.Application.Tests.Validation;

[TestFixture]
public sealed class UpdateAgentCallingCommandValidatorTests
{
    private static readonly UpdateAgentCallingCommandValidator Validator = new();

    private static UpdateAgentCallingCommand Command(Input<string> direction, Input<IReadOnlyList<Guid>> phoneNumberIds = default) =>
        new(Ids.Environment, Guid.NewGuid(), direction, phoneNumberIds);

    private static IEnumerable<(string Field, string Message)> Errors(ValidationResult result) =>
        result.Errors.Select(e => (e.PropertyName, e.ErrorMessage));

    [Test]
    public void Validate_WhenDirectionIsGivenAndIdsAreOmitted_IsValid()
    {
        Assert.That(Validator.Validate(Command("outbound")).Errors, Is.Empty);
    }

    [Test]
    public void Validate_WhenIdsAreAnEmptyArray_IsValid()
    {
        Assert.That(Validator.Validate(Command("inbound", Input<IReadOnlyList<Guid>>.Of([]))).Errors, Is.Empty);
    }

    [Test]
    public void Validate_WhenDirectionIsMissing_ReportsDirectionIsRequired()
    {
        var result = Validator.Validate(Command(Input<string>.Missing, Input<IReadOnlyList<Guid>>.Of([Guid.NewGuid()])));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("direction", "direction is required") }));
    }

    [Test]
    public void Validate_WhenDirectionIsUnknown_ReportsDirection()
    {
        var result = Validator.Validate(Command("both"));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("direction", "direction must be one of: inbound, outbound") }));
    }

    [Test]
    public void Validate_WhenIdsAreNotAnArrayOfUuids_ReportsPhoneNumberIds()
    {
        var result = Validator.Validate(Command("inbound", Input<IReadOnlyList<Guid>>.WrongType));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("phone_number_ids", "phone_number_ids must be an array of UUIDs") }));
    }

    [Test]
    public void Validate_WhenAgentIdIsMalformed_ReportsAgentId()
    {
        var result = Validator.Validate(new UpdateAgentCallingCommand(Ids.Environment, Input<Guid>.WrongType, "inbound", default));

        Assert.That(Errors(result), Is.EqualTo(new[] { ("agent_id", "agent_id must be a valid UUID") }));
    }
}
