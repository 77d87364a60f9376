using Microsoft.Extensions.Diagnostics.HealthChecks;
using Talkover.Api.RateLimiting;

namespace Talkover.Api.Diagnostics;

/// <summary>
/// Whether the shared rate-limit counters (Redis) answer. Registered only when Redis is configured, and as
/// degraded: without Redis the service still serves, with limits counted per instance, so it stays ready.
/// </summary>
public sealed class RedisHealthCheck(RedisWindowCounter counters) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(counters.IsConnected
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer; rate limits are counted per instance."));
}
