namespace Talkover.Infrastructure.Webhooks;

/// <summary>A delivery a dispatcher holds the lease of, with what it needs to send it.</summary>
public sealed record ClaimedDelivery
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public int RetryStep { get; init; }

    public string Url { get; init; } = "";

    public string SecretProtected { get; init; } = "";

    public string Body { get; init; } = "";
}
