using MediatR;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Webhooks.DeleteWebhook;

/// <summary>Deletes a webhook; its pending deliveries are dropped and its secret is gone for good.</summary>
public sealed record DeleteWebhookCommand(Guid EnvironmentId, Input<Guid> WebhookId) : ICommand<Unit>;
