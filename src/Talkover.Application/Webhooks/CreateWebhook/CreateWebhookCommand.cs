using Talkover.Application.Abstractions;

namespace Talkover.Application.Webhooks.CreateWebhook;

/// <summary>Subscribes a URL to release-request events (all of them when <see cref="Events"/> is left out).</summary>
public sealed record CreateWebhookCommand(Guid EnvironmentId, Input<string> Url, Input<IReadOnlyList<string>> Events, Input<string> Description)
    : ICommand<CreatedWebhookDto>;
