using AutoMapper;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Webhooks;

namespace Talkover.Application.Webhooks.CreateWebhook;

internal sealed class CreateWebhookCommandHandler(IWebhookRepository webhooks, IWebhookSecrets secrets, IMapper mapper, TimeProvider clock)
    : IRequestHandler<CreateWebhookCommand, CreatedWebhookDto>
{
    public async Task<CreatedWebhookDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var existing = await webhooks.CountForUpdateAsync(command.EnvironmentId, cancellationToken);
        if (existing >= Webhook.MaxPerEnvironment)
        {
            throw new ValidationException([
                new ValidationFailure("url", $"url cannot be added: an environment has at most {Webhook.MaxPerEnvironment} webhooks; delete one first"),
            ]);
        }

        var secret = secrets.Issue();
        var webhook = Webhook.Create(
            Guid.CreateVersion7(),
            command.EnvironmentId,
            command.Url.Value!,
            command.Events.ValueOr(null),
            command.Description.ValueOr(null),
            secret.Protected,
            existing,
            clock.GetUtcNow().UtcDateTime);
        await webhooks.AddAsync(webhook, cancellationToken);
        return mapper.Map<CreatedWebhookDto>(webhook) with { Secret = secret.Secret };
    }
}
