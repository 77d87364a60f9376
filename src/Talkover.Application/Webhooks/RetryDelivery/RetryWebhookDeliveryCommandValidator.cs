using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Webhooks.RetryDelivery;

internal sealed class RetryWebhookDeliveryCommandValidator : AbstractValidator<RetryWebhookDeliveryCommand>
{
    public RetryWebhookDeliveryCommandValidator()
    {
        RuleFor(x => x.WebhookId).OfType("a valid UUID");
        RuleFor(x => x.DeliveryId).OfType("a valid UUID");
    }
}
