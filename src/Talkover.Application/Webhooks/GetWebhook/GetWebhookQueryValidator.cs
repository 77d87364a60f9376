using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Webhooks.GetWebhook;

internal sealed class GetWebhookQueryValidator : AbstractValidator<GetWebhookQuery>
{
    public GetWebhookQueryValidator()
    {
        RuleFor(x => x.WebhookId).OfType("a valid UUID");
    }
}
