using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.Common;
using Talkover.Domain.Webhooks;

namespace Talkover.Application.Webhooks.CreateWebhook;

internal sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator()
    {
        RuleFor(x => x.Url).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(UrlProblem);
        RuleFor(x => x.Events).Cascade(CascadeMode.Stop).OfType("an array of event types").Meets(EventsProblem);
        RuleFor(x => x.Description).Cascade(CascadeMode.Stop).OfType("a string")
            .Meets(text => TextRules.Problem(text.Trim(), 0, Webhook.MaxDescriptionLength));
    }

    /// <summary>The form of the URL; whether the service may send to it is checked next, with its host resolved.</summary>
    internal static string? UrlProblem(string text) =>
        text.Length > Webhook.MaxUrlLength ? $"must be at most {Webhook.MaxUrlLength} characters"
        : !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Host.Length == 0
            ? "must be an absolute https URL"
        : url.UserInfo.Length != 0 ? "must not contain a user name or password"
        : url.Fragment.Length != 0 ? "must not contain a fragment"
        : null;

    private static string? EventsProblem(IReadOnlyList<string> events) =>
        events.Count == 0 ? "must name at least one event type; leave it out for all of them"
        : events.FirstOrDefault(e => !WebhookEventTypes.All.Contains(e, StringComparer.Ordinal)) is { } unknown
            ? $"contains an unknown event type ({(unknown.Length > 64 ? unknown[..64] + "…" : unknown)}); use: {string.Join(", ", WebhookEventTypes.All)}"
        : null;
}
