using FluentValidation;
using Talkover.Application.Common;

namespace Talkover.Application.Webhooks.ListWebhooks;

internal sealed class ListWebhooksQueryValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksQueryValidator()
    {
        this.AddPagingRules(x => x.Page);
    }
}
