using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Talkover.Api.Diagnostics;

/// <summary>
/// Health on ASP.NET Core health checks. Every check tagged <see cref="ReadyTag"/> decides readiness (and
/// <c>/api/v1/health</c>): the database (a read and a write within <see cref="ProbeTimeout"/>) and shutdown.
/// A dependency the service can work without (Redis) is added with that tag and
/// <c>failureStatus: HealthStatus.Degraded</c>: reported, still 200. Liveness checks nothing.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static IHealthChecksBuilder AddTalkoverHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag], ProbeTimeout)
            .AddCheck<ShutdownHealthCheck>("shutdown", HealthStatus.Unhealthy, [ReadyTag]);

    /// <summary>Readiness as the checks tagged <see cref="ReadyTag"/> say.</summary>
    public static bool IsReadinessCheck(HealthCheckRegistration registration) => registration.Tags.Contains(ReadyTag);

    /// <summary>
    /// <c>/health/live</c> and <c>/health/ready</c>, without credentials and marked to be never rate limited
    /// (the framework's <see cref="DisableRateLimitingAttribute"/>, which the rate limiter honours).
    /// </summary>
    public static void MapTalkoverHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = IsReadinessCheck, ResponseWriter = WriteAsync })
            .DisableRateLimiting();
    }

    /// <summary><c>{"status": "healthy", "checks": {"database": "healthy", …}}</c>; the status code says the same (200, or 503 when unhealthy).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object>
        {
            ["status"] = StatusText(report.Status),
            ["checks"] = report.Entries.ToDictionary(entry => entry.Key, entry => StatusText(entry.Value.Status)),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    public static string StatusText(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
