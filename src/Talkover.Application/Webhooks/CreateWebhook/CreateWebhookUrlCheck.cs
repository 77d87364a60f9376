using FluentValidation;
using FluentValidation.Results;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Webhooks.CreateWebhook;

/// <summary>Whether the service may send to the URL: its scheme and the addresses its host resolves to (a DNS lookup, so before the transaction).</summary>
internal sealed class CreateWebhookUrlCheck(WebhookUrlVerdicts verdicts) : IRequestCheck<CreateWebhookCommand>
{
    public async Task CheckAsync(CreateWebhookCommand request, CancellationToken cancellationToken)
    {
        if (await verdicts.ProblemAsync(new Uri(request.Url.Value!, UriKind.Absolute), cancellationToken) is { } problem)
        {
            throw new ValidationException([new ValidationFailure("url", "url " + problem)]);
        }
    }
}
