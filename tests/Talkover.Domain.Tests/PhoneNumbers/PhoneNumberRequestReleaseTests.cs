using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Tests.Builders;

namespace Talkover.Domain.Tests.PhoneNumbers;

[TestFixture]
public sealed class PhoneNumberRequestReleaseTests
{
    private const string AlreadyPendingMessage = "A release request for this phone number is already pending";
    private const string InUseMessage = "Phone number is currently assigned to active agents and cannot be released";

    private static readonly DateTime Now = new(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    private static ReleaseReason Reason => ReleaseReason.From("  " + Reasons.Valid + "  ");

    [Test]
    public void RequestRelease_WhenNumberIsFree_OpensPendingRequestAndMarksTheNumber()
    {
        var number = new PhoneNumberBuilder().WithNumber("+15551234567").Build();
        var requestId = Guid.NewGuid();

        var request = number.RequestRelease(requestId, Reason, Now, Actor.Customer(null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Id, Is.EqualTo(requestId));
            Assert.That(request.Status, Is.EqualTo(ReleaseRequestStatus.Pending));
            Assert.That(request.IsPending, Is.True);
            Assert.That(request.Reason, Is.EqualTo(Reasons.Valid));
            Assert.That(request.RequestedAt, Is.EqualTo(Now));
            Assert.That(request.PhoneNumberId, Is.EqualTo(number.Id));
            Assert.That(request.PhoneNumber, Is.EqualTo("+15551234567"));
            Assert.That(request.EnvironmentId, Is.EqualTo(number.EnvironmentId));
            Assert.That(request.ResolvedAt, Is.Null);
            Assert.That(request.ResolutionNote, Is.Null);
            Assert.That(number.PendingReleaseRequestId, Is.EqualTo(requestId));
        }
    }

    [Test]
    public void RequestRelease_WhenARequestIsPending_ThrowsAlreadyPendingConflict()
    {
        var existing = Guid.NewGuid();
        var number = new PhoneNumberBuilder().WithPendingRelease(existing).Build();

        var error = Assert.Throws<DomainException>(() => number.RequestRelease(Guid.NewGuid(), Reason, Now, Actor.Customer(null)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo("RELEASE_ALREADY_PENDING"));
            Assert.That(error.Message, Is.EqualTo(AlreadyPendingMessage));
            Assert.That(error.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(number.PendingReleaseRequestId, Is.EqualTo(existing));
        }
    }

    [Test]
    public void RequestRelease_WhenAssignedToOneAgent_ThrowsInUseRuleViolation()
    {
        var number = new PhoneNumberBuilder().AssignedTo(Guid.NewGuid()).Build();

        var error = Assert.Throws<DomainException>(() => number.RequestRelease(Guid.NewGuid(), Reason, Now, Actor.Customer(null)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo("PHONE_NUMBER_IN_USE"));
            Assert.That(error.Message, Is.EqualTo(InUseMessage));
            Assert.That(error.Kind, Is.EqualTo(ErrorKind.RuleViolation));
            Assert.That(number.PendingReleaseRequestId, Is.Null);
        }
    }

    [Test]
    public void RequestRelease_WhenAssignedToSeveralAgents_ThrowsInUse()
    {
        var number = new PhoneNumberBuilder().AssignedTo(Guid.NewGuid(), Guid.NewGuid()).Build();

        Assert.That(
            () => number.RequestRelease(Guid.NewGuid(), Reason, Now, Actor.Customer(null)),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("PHONE_NUMBER_IN_USE"));
    }

    [Test]
    public void RequestRelease_WhenPendingAndInUse_ReportsPendingFirst()
    {
        var number = new PhoneNumberBuilder().WithPendingRelease().AssignedTo(Guid.NewGuid()).Build();

        Assert.That(
            () => number.RequestRelease(Guid.NewGuid(), Reason, Now, Actor.Customer(null)),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("RELEASE_ALREADY_PENDING"));
    }

    [Test]
    public void RequestRelease_WhenCalledTwiceOnTheSameNumber_SecondThrowsAlreadyPending()
    {
        var number = new PhoneNumberBuilder().Build();
        var first = number.RequestRelease(Guid.NewGuid(), Reason, Now, Actor.Customer(null));

        var error = Assert.Throws<DomainException>(() => number.RequestRelease(Guid.NewGuid(), Reason, Now.AddMinutes(1), Actor.Customer(null)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo("RELEASE_ALREADY_PENDING"));
            Assert.That(error.Message, Is.EqualTo(AlreadyPendingMessage));
            Assert.That(number.PendingReleaseRequestId, Is.EqualTo(first.Id));
        }
    }

    [Test]
    public void RequestRelease_WhenNumberIsReleased_ThrowsNotFound()
    {
        var number = new PhoneNumberBuilder().Released().Build();

        Assert.That(
            () => number.RequestRelease(Guid.NewGuid(), Reason, Now, Actor.Customer(null)),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("PHONE_NUMBER_NOT_FOUND"));
    }
}
