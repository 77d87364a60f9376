using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Webhooks.DeleteWebhook;

internal sealed class DeleteWebhookCommandHandler(IWebhookRepository webhooks) : IRequestHandler<DeleteWebhookCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken) =>
        await webhooks.DeleteAsync(command.EnvironmentId, command.WebhookId.Value, cancellationToken) ? Unit.Value : throw DomainErrors.WebhookNotFound();
}
