using Talkover.Application.ReleaseRequests;

namespace Talkover.Application.Webhooks;

/// <summary>What a webhook receives: the event's id (also its <c>webhook-id</c>), its type, when it happened, and the release request as the API shows it.</summary>
public sealed record WebhookEventBody(Guid Id, string Type, DateTime CreatedAt, ReleaseRequestDto Data);
