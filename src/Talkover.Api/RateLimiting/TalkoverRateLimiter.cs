using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Talkover.Application.Diagnostics;

namespace Talkover.Api.RateLimiting;

/// <summary>
/// The global limiter behind ASP.NET Core's rate-limiting middleware: each request counts against its
/// <see cref="RateLimitBucket"/>'s window, in Redis when configured (<see cref="RedisWindowCounter"/>), else in
/// this instance (<see cref="FixedWindowCounter"/>). Every counted response says where the caller stands
/// (<c>X-RateLimit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c>, and <c>Retry-After</c> on a 429), and the lease
/// carries that standing to the rejection's writer. Exempt paths (<see cref="RateLimitBucket.IsExempt"/>)
/// and endpoints marked <c>DisableRateLimiting</c> (the middleware skips those itself) are never counted.
/// </summary>
public sealed class TalkoverRateLimiter(RateLimitOptions limits, FixedWindowCounter local, TalkoverMetrics metrics, RedisWindowCounter? shared = null)
    : PartitionedRateLimiter<HttpContext>
{
    /// <summary>The caller's standing in its window, on every lease this limiter hands out for a counted request.</summary>
    public static readonly MetadataName<FixedWindowCounter.Decision> Standing = new("talkover.rate_limit.standing");

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    // The middleware tries this first and, when it is not acquired, waits on AcquireAsync: the count is taken
    // there once, since a shared counter is a network call.
    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        RateLimitBucket.IsExempt(resource.Request) ? StandingLease.Exempt : StandingLease.Undecided;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (RateLimitBucket.IsExempt(resource.Request))
        {
            return ValueTask.FromResult<RateLimitLease>(StandingLease.Exempt);
        }

        var bucket = RateLimitBucket.For(resource, limits);
        if (shared is null)
        {
            return ValueTask.FromResult(Decide(resource, bucket, local.Acquire(bucket.Key, bucket.Limit)));
        }

        var counting = shared.AcquireAsync(bucket.Key, bucket.Limit);
        return counting.IsCompletedSuccessfully
            ? ValueTask.FromResult(Decide(resource, bucket, counting.Result))
            : DecideAsync(resource, bucket, counting);
    }

    private async ValueTask<RateLimitLease> DecideAsync(HttpContext context, RateLimitBucket bucket, ValueTask<FixedWindowCounter.Decision> counting) =>
        Decide(context, bucket, await counting);

    private RateLimitLease Decide(HttpContext context, RateLimitBucket bucket, FixedWindowCounter.Decision decision)
    {
        // Set when the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(SetHeaders, new ResponseStanding(context.Response, decision));
        if (!decision.Allowed)
        {
            metrics.RateLimitRejections.Add(1, new KeyValuePair<string, object?>("bucket", bucket.Kind));
        }

        return new StandingLease(decision);
    }

    /// <summary>What the response's headers will say; the one object a request's callback needs (no closure).</summary>
    private sealed record ResponseStanding(HttpResponse Response, FixedWindowCounter.Decision Decision);

    private static readonly Func<object, Task> SetHeaders = static state =>
    {
        var (response, decision) = (ResponseStanding)state;
        var headers = response.Headers;
        headers["X-RateLimit-Limit"] = Text(decision.Limit);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = Text(decision.ResetSeconds);
        if (!decision.Allowed)
        {
            headers.RetryAfter = Text(decision.ResetSeconds);
        }

        return Task.CompletedTask;
    };

    // The reset is 1 to 60 seconds, and a limit is one of a few configured numbers: their text is made once.
    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 61).Select(n => n.ToString(CultureInfo.InvariantCulture))];
    private static readonly ConcurrentDictionary<int, string> Limits = new();

    private static string Text(int value) =>
        (uint)value < (uint)SmallNumbers.Length ? SmallNumbers[value]
        : Limits.Count < 64 ? Limits.GetOrAdd(value, static v => v.ToString(CultureInfo.InvariantCulture))
        : value.ToString(CultureInfo.InvariantCulture);

    private sealed class StandingLease : RateLimitLease
    {
        /// <summary>A request that is never counted.</summary>
        public static readonly StandingLease Exempt = new(null, acquired: true);

        /// <summary>Not decided without waiting: the middleware goes on to AcquireAsync.</summary>
        public static readonly StandingLease Undecided = new(null, acquired: false);

        private static readonly string[] Names = [Standing.Name, MetadataName.RetryAfter.Name];

        private readonly FixedWindowCounter.Decision? _decision;

        public StandingLease(FixedWindowCounter.Decision decision)
            : this(decision, decision.Allowed)
        {
        }

        private StandingLease(FixedWindowCounter.Decision? decision, bool acquired)
        {
            _decision = decision;
            IsAcquired = acquired;
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames => _decision is null ? [] : Names;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = (_decision, metadataName) switch
            {
                ({ } decision, _) when metadataName == Standing.Name => decision,
                ({ Allowed: false } decision, _) when metadataName == MetadataName.RetryAfter.Name => TimeSpan.FromSeconds(decision.ResetSeconds),
                _ => null,
            };
            return metadata is not null;
        }
    }
}
