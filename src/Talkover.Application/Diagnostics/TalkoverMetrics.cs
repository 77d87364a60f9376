using System.Diagnostics.Metrics;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Diagnostics;

/// <summary>
/// The service's own instruments (the <c>talkover.*</c> names operators chart and alert on), on one meter
/// created through the host's <see cref="IMeterFactory"/> so every instance of the service and every test
/// host gets its own. Registered as a singleton; each layer records what it alone sees.
/// </summary>
public sealed class TalkoverMetrics
{
    /// <summary>The meter's name, for exporters and listeners to subscribe to.</summary>
    public const string MeterName = "Talkover";

    private IReleaseQueueStatistics? _releaseQueue;

    public TalkoverMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);

        RateLimitRejections = Meter.CreateCounter<long>(
            "talkover.rate_limit.rejections",
            unit: "{request}",
            description: "Requests answered 429 because their bucket (environment, staff member or client address) was spent.");
        RateLimitStoreFailures = Meter.CreateCounter<long>(
            "talkover.rate_limit.store_failures",
            unit: "{request}",
            description: "Requests whose shared (Redis) rate-limit counter could not be reached; the instance's own counter decided.");

        // Release requests, credentials, webhooks and the database.
        ReleaseRequestsCreated = Meter.CreateCounter<long>(
            "talkover.release_requests.created",
            unit: "{request}",
            description: "Release requests created (counted once their transaction has committed).");
        ReleaseRequestsDecided = Meter.CreateCounter<long>(
            "talkover.release_requests.decided",
            unit: "{request}",
            description: "Pending release requests resolved, tagged outcome: approved, rejected or cancelled (counted once committed).");
        AuthFailures = Meter.CreateCounter<long>(
            "talkover.auth.failures",
            unit: "{request}",
            description: "Credentials refused, tagged credential: environment_token, staff_key, malformed, unknown or password.");
        WebhookDeliveries = Meter.CreateCounter<long>(
            "talkover.webhooks.deliveries",
            unit: "{delivery}",
            description: "Webhook delivery attempts, tagged outcome.");
        DbWriteWait = Meter.CreateHistogram<double>(
            "talkover.db.write_wait",
            unit: "s",
            description: "Time a write waited for this process's turn at the database's single write lock (SQLite).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        Meter.CreateObservableGauge<long>(
            "talkover.release_requests.pending",
            () => _releaseQueue is { } queue ? [new Measurement<long>(queue.Read().Pending)] : Array.Empty<Measurement<long>>(),
            unit: "{request}",
            description: "Release requests waiting for a review, across every environment.");
        Meter.CreateObservableGauge<double>(
            "talkover.release_requests.oldest_pending_age",
            () => _releaseQueue is { } queue ? [new Measurement<double>(queue.Read().OldestPendingAgeSeconds)] : Array.Empty<Measurement<double>>(),
            unit: "s",
            description: "How long the oldest pending release request has waited for a review; 0 when none waits.");
    }

    /// <summary>The meter every <c>talkover.*</c> instrument belongs to.</summary>
    public Meter Meter { get; }

    /// <summary><c>talkover.rate_limit.rejections</c>, tagged <c>bucket</c> (environment, staff, anonymous).</summary>
    public Counter<long> RateLimitRejections { get; }

    /// <summary><c>talkover.rate_limit.store_failures</c>: Redis down, limits enforced per instance.</summary>
    public Counter<long> RateLimitStoreFailures { get; }

    /// <summary><c>talkover.release_requests.created</c>.</summary>
    public Counter<long> ReleaseRequestsCreated { get; }

    /// <summary><c>talkover.release_requests.decided</c>, tagged <c>outcome</c>.</summary>
    public Counter<long> ReleaseRequestsDecided { get; }

    /// <summary><c>talkover.auth.failures</c>, tagged <c>credential</c>.</summary>
    public Counter<long> AuthFailures { get; }

    /// <summary><c>talkover.webhooks.deliveries</c>, tagged <c>outcome</c> (delivered, failed, retried).</summary>
    public Counter<long> WebhookDeliveries { get; }

    /// <summary><c>talkover.db.write_wait</c>, in seconds.</summary>
    public Histogram<double> DbWriteWait { get; }

    /// <summary>
    /// Where the review-queue gauges read from; set once by the composition root (the source reads the
    /// database, whose access records <see cref="DbWriteWait"/> here, so it cannot be a constructor argument).
    /// </summary>
    public void ObserveReleaseQueue(IReleaseQueueStatistics releaseQueue) => _releaseQueue = releaseQueue;

    /// <summary>Counts a refused credential of <paramref name="kind"/>.</summary>
    public void AuthFailed(string kind) => AuthFailures.Add(1, new KeyValuePair<string, object?>("credential", kind));

    /// <summary>Counts a pending release request resolved with <paramref name="outcome"/> (approved, rejected, cancelled).</summary>
    public void ReleaseRequestDecided(string outcome) => ReleaseRequestsDecided.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
