using Talkover.Domain.Webhooks;

namespace Talkover.Domain.Tests.Webhooks;

[TestFixture]
public sealed class WebhookTests
{
    private static readonly DateTime Now = new(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    private static Webhook Create(IEnumerable<string>? events, int existing = 0) =>
        Webhook.Create(Guid.NewGuid(), Guid.NewGuid(), "https://hooks.example.com/talkover", events, "  ops  ", "protected", existing, Now);

    [Test]
    public void Create_WithoutEvents_SubscribesToAll() =>
        Assert.That(Create(null).Events, Is.EqualTo(WebhookEventTypes.All));

    [Test]
    public void Create_WithEvents_KeepsThemOnceInTheCanonicalOrder()
    {
        var webhook = Create([WebhookEventTypes.ReleaseRequestRejected, WebhookEventTypes.ReleaseRequestApproved, WebhookEventTypes.ReleaseRequestRejected]);

        Assert.Multiple(() =>
        {
            Assert.That(webhook.Events, Is.EqualTo(new[] { WebhookEventTypes.ReleaseRequestApproved, WebhookEventTypes.ReleaseRequestRejected }));
            Assert.That(webhook.IsSubscribedTo(WebhookEventTypes.ReleaseRequestCreated), Is.False);
            Assert.That(webhook.Description, Is.EqualTo("ops"));
        });
    }

    [Test]
    public void Create_WithAnUnknownEvent_Throws() =>
        Assert.That(() => Create(["release_request.deleted"]), Throws.ArgumentException);

    [Test]
    public void Create_WhenTheEnvironmentHasTheMost_Throws() =>
        Assert.That(() => Create(null, Webhook.MaxPerEnvironment), Throws.InvalidOperationException);
}
