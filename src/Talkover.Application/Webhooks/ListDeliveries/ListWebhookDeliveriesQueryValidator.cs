using FluentValidation;
using Talkover.Application.Common;
using Talkover.Application.Validation;

namespace Talkover.Application.Webhooks.ListDeliveries;

internal sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(x => x.WebhookId).OfType("a valid UUID");
        this.AddPagingRules(x => x.Page);
    }
}
