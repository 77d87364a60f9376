using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Talkover.Api.Diagnostics;

/// <summary>Not ready once the process has been asked to stop, so a load balancer sends it no new work while it drains.</summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The service is shutting down.")
            : HealthCheckResult.Healthy());
}
