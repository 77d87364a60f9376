using Moq;
using Talkover.Application.Abstractions;
using Talkover.Application.Behaviours;
using Talkover.Application.Events;
using Talkover.Application.Tests.Support;
using Talkover.Application.Webhooks;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Tests.Builders;
using Talkover.Domain.Webhooks;

namespace Talkover.Application.Tests.Webhooks;

[TestFixture]
public sealed class EventOutboxPipelineTests
{
    private sealed record TestCommand : ICommand<int>;

    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Mock<IOutbox> _outbox = null!;
    private Mock<IWebhookDispatchSignal> _signal = null!;
    private List<string> _calls = null!;
    private EventOutbox _events = null!;

    [SetUp]
    public void SetUp()
    {
        _calls = [];
        _unitOfWork = new Mock<IUnitOfWork>(MockBehavior.Strict);
        _unitOfWork.Setup(u => u.BeginAsync(It.IsAny<CancellationToken>())).Callback(() => _calls.Add("begin")).Returns(Task.CompletedTask);
        _unitOfWork.Setup(u => u.CommitAsync(It.IsAny<CancellationToken>())).Callback(() => _calls.Add("commit")).Returns(Task.CompletedTask);
        _unitOfWork.Setup(u => u.RollbackAsync(It.IsAny<CancellationToken>())).Callback(() => _calls.Add("rollback")).Returns(Task.CompletedTask);
        _outbox = new Mock<IOutbox>(MockBehavior.Strict);
        _outbox.Setup(o => o.AddAsync(It.IsAny<OutboxEvent>(), It.IsAny<CancellationToken>()))
            .Callback((OutboxEvent e, CancellationToken _) => _calls.Add("outbox " + e.Type)).ReturnsAsync(1);
        _signal = new Mock<IWebhookDispatchSignal>();
        _signal.Setup(s => s.Notify()).Callback(() => _calls.Add("notify"));
        var serializer = new Mock<IWebhookEventSerializer>();
        serializer.Setup(s => s.Serialize(It.IsAny<WebhookEventBody>())).Returns((WebhookEventBody b) => $"{b.Id}:{b.Type}:{b.Data.Status}");
        _events = new EventOutbox(_outbox.Object, serializer.Object, TestMapper.Create(), _signal.Object);
    }

    private static ReleaseRequest Open() =>
        new PhoneNumberBuilder().Build().RequestRelease(Guid.NewGuid(), ReleaseReason.From("We migrated outbound calling to a new toll-free number."), DateTime.UtcNow, Actor.Customer(null));

    private Task<int> Run(Func<int> handler) =>
        new TransactionBehaviour<TestCommand, int>(_unitOfWork.Object, _events).Handle(new TestCommand(), CancellationToken.None, () => Task.FromResult(handler()));

    [Test]
    public async Task Handle_StoresTheTrackedEventsInsideTheTransaction_AndWakesTheDispatcherAfterTheCommit()
    {
        await Run(() =>
        {
            var request = Open();
            request.Approve(DateTime.UtcNow, null, Actor.System);
            _events.Track(request);
            return 0;
        });

        Assert.That(_calls, Is.EqualTo(new[]
        {
            "begin", "outbox " + WebhookEventTypes.ReleaseRequestCreated, "outbox " + WebhookEventTypes.ReleaseRequestApproved, "commit", "notify",
        }));
    }

    [Test]
    public void Handle_WhenTheHandlerFails_StoresNoEventAndWakesNobody()
    {
        Assert.ThrowsAsync<InvalidOperationException>(() => Run(() =>
        {
            _events.Track(Open());
            throw new InvalidOperationException("rule broken");
        }));

        Assert.That(_calls, Is.EqualTo(new[] { "begin", "rollback" }));
    }

    [Test]
    public async Task Handle_WhenNoWebhookListens_CommitsWithoutWakingTheDispatcher()
    {
        _outbox.Setup(o => o.AddAsync(It.IsAny<OutboxEvent>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);

        await Run(() =>
        {
            _events.Track(Open());
            return 0;
        });

        _signal.Verify(s => s.Notify(), Times.Never);
    }

    [Test]
    public async Task StoredEvent_CarriesTheRequestAsTheApiShowsIt()
    {
        OutboxEvent? stored = null;
        _outbox.Setup(o => o.AddAsync(It.IsAny<OutboxEvent>(), It.IsAny<CancellationToken>())).Callback((OutboxEvent e, CancellationToken _) => stored = e).ReturnsAsync(1);
        var request = Open();

        await Run(() =>
        {
            _events.Track(request);
            return 0;
        });

        Assert.Multiple(() =>
        {
            Assert.That(stored!.EnvironmentId, Is.EqualTo(request.EnvironmentId));
            Assert.That(stored.Body, Is.EqualTo($"{stored.Id}:{WebhookEventTypes.ReleaseRequestCreated}:{ReleaseRequestStatus.Pending}"));
            Assert.That(request.DomainEvents, Is.Empty, "stored events are not stored twice");
        });
    }
}
