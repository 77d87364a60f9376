namespace Talkover.Domain.Webhooks;

/// <summary>
/// An environment's subscription to release-request events: where they are POSTed, which ones, and the
/// secret they are signed with — held here only in its encrypted form.
/// </summary>
public sealed class Webhook
{
    /// <summary>How many webhooks one environment may have.</summary>
    public const int MaxPerEnvironment = 10;

    public const int MaxUrlLength = 2048;

    public const int MaxDescriptionLength = 255;

    private Webhook(Guid id, Guid environmentId, string url, IReadOnlyList<string> events, string? description, string protectedSecret, DateTime createdAt)
    {
        Id = id;
        EnvironmentId = environmentId;
        Url = url;
        Events = events;
        Description = description;
        ProtectedSecret = protectedSecret;
        CreatedAt = createdAt;
    }

    public Guid Id { get; }

    public Guid EnvironmentId { get; }

    public string Url { get; }

    /// <summary>The subscribed event types, in <see cref="WebhookEventTypes.All"/> order, without repeats.</summary>
    public IReadOnlyList<string> Events { get; }

    public string? Description { get; }

    /// <summary>The signing secret, encrypted; the plain secret is shown to the customer once and never kept.</summary>
    public string ProtectedSecret { get; }

    public DateTime CreatedAt { get; }

    /// <summary>
    /// A new webhook. <paramref name="events"/> null or empty subscribes to every event; unknown event
    /// types are refused. <paramref name="existingCount"/> is how many the environment already has.
    /// </summary>
    public static Webhook Create(
        Guid id, Guid environmentId, string url, IEnumerable<string>? events, string? description, string protectedSecret, int existingCount, DateTime now)
    {
        if (existingCount >= MaxPerEnvironment)
        {
            throw new InvalidOperationException($"An environment has at most {MaxPerEnvironment} webhooks.");
        }

        var chosen = events?.ToHashSet(StringComparer.Ordinal) ?? [];
        if (chosen.Except(WebhookEventTypes.All).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"Unknown event type {unknown}.", nameof(events));
        }

        IReadOnlyList<string> subscribed = chosen.Count == 0 ? WebhookEventTypes.All : [.. WebhookEventTypes.All.Where(chosen.Contains)];
        return new Webhook(id, environmentId, url, subscribed, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), protectedSecret, now);
    }

    public bool IsSubscribedTo(string eventType) => Events.Contains(eventType, StringComparer.Ordinal);
}
