using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Webhooks.DeleteWebhook;

internal sealed class DeleteWebhookCommandValidator : AbstractValidator<DeleteWebhookCommand>
{
    public DeleteWebhookCommandValidator()
    {
        RuleFor(x => x.WebhookId).OfType("a valid UUID");
    }
}
