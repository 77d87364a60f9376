using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Tests.Builders;
using Talkover.Domain.Webhooks;

namespace Talkover.Domain.Tests.ReleaseRequests;

[TestFixture]
public sealed class ReleaseRequestEventTests
{
    private static readonly DateTime At = new(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    private static ReleaseRequest Open() =>
        new PhoneNumberBuilder().Build().RequestRelease(Guid.NewGuid(), ReleaseReason.From(Reasons.Valid), At, Actor.Customer(null));

    [Test]
    public void RequestRelease_RecordsOneCreatedEvent()
    {
        var request = Open();

        var change = (ReleaseRequestStatusChanged)request.DomainEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(change.Request, Is.SameAs(request));
            Assert.That(change.FromStatus, Is.Null);
            Assert.That(WebhookEventTypes.Of(change), Is.EqualTo(WebhookEventTypes.ReleaseRequestCreated));
            Assert.That(change.OccurredAt, Is.EqualTo(At));
        });
    }

    [TestCase("cancel", WebhookEventTypes.ReleaseRequestCancelled)]
    [TestCase("approve", WebhookEventTypes.ReleaseRequestApproved)]
    [TestCase("reject", WebhookEventTypes.ReleaseRequestRejected)]
    public void Resolving_RecordsItsEventAfterTheCreatedOne(string transition, string expectedType)
    {
        var request = Open();
        var later = At.AddHours(3);
        Action resolve = transition switch
        {
            "cancel" => () => request.Cancel(later, null, Actor.Customer(null)),
            "approve" => () => request.Approve(later, null, Actor.System),
            _ => () => request.Reject(later, "Still under contract until next year.", Actor.System),
        };

        resolve();

        var types = request.DomainEvents.Cast<ReleaseRequestStatusChanged>().Select(WebhookEventTypes.Of);
        Assert.That(types, Is.EqualTo(new[] { WebhookEventTypes.ReleaseRequestCreated, expectedType }));
        Assert.That(request.DomainEvents.Select(e => e.Id).Distinct().Count(), Is.EqualTo(2), "each event has its own id");
    }

    [Test]
    public void AFailedTransition_RecordsNothing()
    {
        var request = Open();
        request.Cancel(At, null, Actor.Customer(null));
        request.ClearDomainEvents();

        Assert.That(() => request.Approve(At, null, Actor.System), Throws.Exception);
        Assert.That(request.DomainEvents, Is.Empty);
    }

    [Test]
    public void Rehydrated_HasNoEvents() =>
        Assert.That(ReleaseRequest.Rehydrate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "+15551234567", Reasons.Valid, ReleaseRequestStatus.Pending, At, null, null, []).DomainEvents,
            Is.Empty);
}
