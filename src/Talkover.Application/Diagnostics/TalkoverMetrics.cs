using System.Diagnostics.Metrics;

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
    }

    /// <summary>The meter every <c>talkover.*</c> instrument belongs to.</summary>
    public Meter Meter { get; }

    /// <summary><c>talkover.rate_limit.rejections</c>, tagged <c>bucket</c> (environment, staff, anonymous).</summary>
    public Counter<long> RateLimitRejections { get; }

    /// <summary><c>talkover.rate_limit.store_failures</c>: Redis down, limits enforced per instance.</summary>
    public Counter<long> RateLimitStoreFailures { get; }
}
