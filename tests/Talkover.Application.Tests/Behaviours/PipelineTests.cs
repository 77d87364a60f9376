using FluentValidation;
using Moq;
using Talkover.Application.Abstractions;
using Talkover.Application.PhoneNumbers.GetPhoneNumber;
using Talkover.Application.ReleaseRequests.RequestRelease;
using Talkover.Application.Tests.Support;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Tests.Builders;

namespace Talkover.Application.Tests.Behaviours;

/// <summary>Commands and queries sent through the real mediator, behaviours and container.</summary>
[TestFixture]
public sealed class PipelineTests
{
    private const string Reason = "We migrated outbound calling to a new toll-free number and no longer need this DID.";

    private ApplicationHost _host = null!;

    [SetUp]
    public void SetUp() => _host = new ApplicationHost();

    [TearDown]
    public void TearDown() => _host.Dispose();

    private static RequestPhoneNumberReleaseCommand ReleaseCommand(Input<Guid> phoneNumberId, Input<string> reason) =>
        new(Ids.Environment, phoneNumberId, reason, Actor.Customer(Ids.Token));

    private void VerifyNothingTouched()
    {
        _host.UnitOfWork.VerifyNoOtherCalls();
        _host.PhoneNumbers.VerifyNoOtherCalls();
        _host.ReleaseRequests.VerifyNoOtherCalls();
    }

    /// <summary>Records the unit of work's calls, in order, into <paramref name="calls"/>.</summary>
    private void RecordTransaction(List<string> calls)
    {
        _host.UnitOfWork.Setup(u => u.BeginAsync(It.IsAny<CancellationToken>())).Callback(() => calls.Add("begin")).Returns(Task.CompletedTask);
        _host.UnitOfWork.Setup(u => u.CommitAsync(It.IsAny<CancellationToken>())).Callback(() => calls.Add("commit")).Returns(Task.CompletedTask);
        _host.UnitOfWork.Setup(u => u.RollbackAsync(It.IsAny<CancellationToken>())).Callback(() => calls.Add("rollback")).Returns(Task.CompletedTask);
    }

    [Test]
    public void Send_WhenIdIsMalformedAndReasonTooShort_ReportsBothFieldsAndTouchesNothing()
    {
        var error = Assert.ThrowsAsync<ValidationException>(() => _host.Mediator.Send(ReleaseCommand(Input<Guid>.WrongType, "too short")));

        var byField = error.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.That(byField, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["phone_number_id"] = "phone_number_id must be a valid UUID",
            ["reason"] = "reason must be between 10 and 500 characters",
        }));
        VerifyNothingTouched();
    }

    [Test]
    public void Send_WhenReasonIsNotAString_ReportsReasonMustBeAString()
    {
        var error = Assert.ThrowsAsync<ValidationException>(() => _host.Mediator.Send(ReleaseCommand(Guid.NewGuid(), Input<string>.WrongType)));

        Assert.That(error.Errors.Select(e => (e.PropertyName, e.ErrorMessage)), Is.EqualTo(new[] { ("reason", "reason must be a string") }));
        VerifyNothingTouched();
    }

    [Test]
    public void Send_WhenReasonIsMissing_ReportsReasonIsRequired()
    {
        var error = Assert.ThrowsAsync<ValidationException>(() => _host.Mediator.Send(ReleaseCommand(Guid.NewGuid(), Input<string>.Missing)));

        Assert.That(error.Errors.Select(e => (e.PropertyName, e.ErrorMessage)), Is.EqualTo(new[] { ("reason", "reason is required") }));
        VerifyNothingTouched();
    }

    [Test]
    public void Send_WhenReasonHasANulCharacter_ReportsControlCharacters()
    {
        var error = Assert.ThrowsAsync<ValidationException>(() => _host.Mediator.Send(ReleaseCommand(Guid.NewGuid(), Reason + "\0")));

        Assert.That(error.Errors.Select(e => (e.PropertyName, e.ErrorMessage)), Is.EqualTo(new[] { ("reason", "reason must not contain control characters") }));
        VerifyNothingTouched();
    }

    [Test]
    public async Task Send_WhenCommandIsValid_RunsTheHandlerInsideOneCommittedTransaction()
    {
        var calls = new List<string>();
        RecordTransaction(calls);
        var number = new PhoneNumberBuilder().Build();
        _host.PhoneNumbers
            .Setup(r => r.GetForUpdateAsync(Ids.Environment, number.Id, It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("load number"))
            .ReturnsAsync(number);
        _host.ReleaseRequests
            .Setup(r => r.AddAsync(It.Is<ReleaseRequest>(r => r.History.Single().Actor.Type == Actor.CustomerType), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("store request"))
            .Returns(Task.CompletedTask);

        var dto = await _host.Mediator.Send(ReleaseCommand(number.Id, Reason));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Is.EqualTo(new[] { "begin", "load number", "store request", "commit" }));
            Assert.That(dto.Status, Is.EqualTo("pending"));
            Assert.That(dto.RequestedAt, Is.EqualTo(_host.Clock.UtcNow));
        }

        _host.UnitOfWork.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
        _host.UnitOfWork.Verify(u => u.RollbackAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Send_WhenHandlerThrowsDomainException_RollsBackOnceAndNeverCommits()
    {
        var calls = new List<string>();
        RecordTransaction(calls);
        var number = new PhoneNumberBuilder().AssignedTo(Guid.NewGuid()).Build();
        _host.PhoneNumbers
            .Setup(r => r.GetForUpdateAsync(Ids.Environment, number.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(number);

        var error = Assert.ThrowsAsync<DomainException>(() => _host.Mediator.Send(ReleaseCommand(number.Id, Reason)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo("PHONE_NUMBER_IN_USE"));
            Assert.That(calls, Is.EqualTo(new[] { "begin", "rollback" }));
        }

        _host.UnitOfWork.Verify(u => u.RollbackAsync(It.IsAny<CancellationToken>()), Times.Once);
        _host.UnitOfWork.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
        _host.ReleaseRequests.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Send_WhenRequestIsAQuery_NeverOpensATransaction()
    {
        var model = new PhoneNumberReadModelBuilder().Build();
        _host.PhoneNumberQueries.Setup(q => q.GetAsync(Ids.Environment, model.Id, It.IsAny<CancellationToken>())).ReturnsAsync(model);

        var dto = await _host.Mediator.Send(new GetPhoneNumberQuery(Ids.Environment, model.Id));

        Assert.That(dto.Id, Is.EqualTo(model.Id));
        _host.UnitOfWork.VerifyNoOtherCalls();
    }

    [Test]
    public void Send_WhenQueryFindsNothing_ThrowsNotFoundWithoutATransaction()
    {
        var id = Guid.NewGuid();
        _host.PhoneNumberQueries.Setup(q => q.GetAsync(Ids.Environment, id, It.IsAny<CancellationToken>())).ReturnsAsync((Talkover.Application.PhoneNumbers.PhoneNumberReadModel?)null);

        var error = Assert.ThrowsAsync<DomainException>(() => _host.Mediator.Send(new GetPhoneNumberQuery(Ids.Environment, id)));

        Assert.That(error.Code, Is.EqualTo("PHONE_NUMBER_NOT_FOUND"));
        _host.UnitOfWork.VerifyNoOtherCalls();
    }

    [Test]
    public void Send_WhenValidationFails_ValidationRunsInsideLoggingAndBeforeTheTransaction()
    {
        Assert.That(
            () => _host.Mediator.Send(ReleaseCommand(Input<Guid>.WrongType, Reason)),
            Throws.TypeOf<ValidationException>());

        // Logging saw the validation failure, so it wraps validation; the transaction never began, so it runs after.
        Assert.That(_host.Logs.Messages, Has.Some.StartsWith("RequestPhoneNumberReleaseCommand ended with ValidationException"));
        _host.UnitOfWork.Verify(u => u.BeginAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Send_WhenCommandSucceeds_LogsTheRequestNameButNotTheReason()
    {
        RecordTransaction([]);
        var number = new PhoneNumberBuilder().Build();
        _host.PhoneNumbers.Setup(r => r.GetForUpdateAsync(Ids.Environment, number.Id, It.IsAny<CancellationToken>())).ReturnsAsync(number);
        _host.ReleaseRequests.Setup(r => r.AddAsync(It.Is<ReleaseRequest>(r => r.History.Single().Actor.Type == Actor.CustomerType), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await _host.Mediator.Send(ReleaseCommand(number.Id, Reason));

        Assert.That(_host.Logs.Messages, Has.Some.StartsWith("RequestPhoneNumberReleaseCommand handled in"));
        Assert.That(_host.Logs.Messages, Has.None.Contains("toll-free"));
    }
}
