using Talkover.Application.Abstractions;

namespace Talkover.Application.Webhooks.GetWebhook;

public sealed record GetWebhookQuery(Guid EnvironmentId, Input<Guid> WebhookId) : IQuery<WebhookDto>;
