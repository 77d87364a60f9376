using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Webhooks.ListWebhooks;

/// <summary>The environment's webhooks, newest first.</summary>
public sealed record ListWebhooksQuery(Guid EnvironmentId, PageRequest Page) : IQuery<Paged<WebhookDto>>;
