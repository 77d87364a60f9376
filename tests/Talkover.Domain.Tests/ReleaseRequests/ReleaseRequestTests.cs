using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Tests.Builders;

namespace Talkover.Domain.Tests.ReleaseRequests;

[TestFixture]
public sealed class ReleaseRequestTests
{
    private static readonly DateTime RequestedAt = new(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ResolvedAt = new(2024, 1, 16, 9, 30, 0, DateTimeKind.Utc);

    public static IEnumerable<TestCaseData> Transitions()
    {
        yield return new TestCaseData(new Action<ReleaseRequest, DateTime, string>((r, at, note) => r.Cancel(at, note, Actor.Customer(null))), ReleaseRequestStatus.Cancelled)
            .SetArgDisplayNames("Cancel");
        yield return new TestCaseData(new Action<ReleaseRequest, DateTime, string>((r, at, note) => r.Approve(at, note, Actor.System)), ReleaseRequestStatus.Approved)
            .SetArgDisplayNames("Approve");
        yield return new TestCaseData(new Action<ReleaseRequest, DateTime, string>((r, at, note) => r.Reject(at, note, Actor.System)), ReleaseRequestStatus.Rejected)
            .SetArgDisplayNames("Reject");
    }

    public static IEnumerable<TestCaseData> TransitionPairs()
    {
        foreach (var first in Transitions())
        {
            foreach (var second in Transitions())
            {
                yield return new TestCaseData(first.Arguments[0], first.Arguments[1], second.Arguments[0])
                    .SetArgDisplayNames(first.ArgDisplayNames![0], "then " + second.ArgDisplayNames![0]);
            }
        }
    }

    private static ReleaseRequest PendingRequest() =>
        new PhoneNumberBuilder().Build().RequestRelease(Guid.NewGuid(), ReleaseReason.From(Reasons.Valid), RequestedAt, Actor.Customer(null));

    [TestCaseSource(nameof(Transitions))]
    public void Transition_WhenPending_ReachesTerminalStatusWithResolution(Action<ReleaseRequest, DateTime, string> transition, string expectedStatus)
    {
        var request = PendingRequest();

        transition(request, ResolvedAt, "Handled by support");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Status, Is.EqualTo(expectedStatus));
            Assert.That(request.IsPending, Is.False);
            Assert.That(request.ResolvedAt, Is.EqualTo(ResolvedAt));
            Assert.That(request.ResolutionNote, Is.EqualTo("Handled by support"));
            Assert.That(request.RequestedAt, Is.EqualTo(RequestedAt));
        }
    }

    [Test]
    public void Cancel_WhenPendingWithoutNote_LeavesNoteEmpty()
    {
        var request = PendingRequest();

        request.Cancel(ResolvedAt, null, Actor.Customer(null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Status, Is.EqualTo(ReleaseRequestStatus.Cancelled));
            Assert.That(request.ResolvedAt, Is.EqualTo(ResolvedAt));
            Assert.That(request.ResolutionNote, Is.Null);
        }
    }

    [TestCaseSource(nameof(TransitionPairs))]
    public void Transition_WhenAlreadyResolved_ThrowsNotPendingAndKeepsTheFirstOutcome(
        Action<ReleaseRequest, DateTime, string> first,
        string firstStatus,
        Action<ReleaseRequest, DateTime, string> second)
    {
        var request = PendingRequest();
        first(request, ResolvedAt, "first");

        var error = Assert.Throws<DomainException>(() => second(request, ResolvedAt.AddHours(1), "second"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo("RELEASE_REQUEST_NOT_PENDING"));
            Assert.That(error.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(request.Status, Is.EqualTo(firstStatus));
            Assert.That(request.ResolvedAt, Is.EqualTo(ResolvedAt));
            Assert.That(request.ResolutionNote, Is.EqualTo("first"));
        }
    }
}
