using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Talkover.Api.Diagnostics;
using Talkover.Api.Http;

namespace Talkover.Api.Controllers;

[ApiController]
[Route("api/v1/health")]
[DisableRateLimiting]
public sealed class HealthController(HealthCheckService health) : ControllerBase
{
    public static readonly string Version = typeof(HealthController).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Check the service's health.</summary>
    /// <remarks>
    /// Healthy when the database answers a read and a write within about 2 s (the checks of /health/ready);
    /// degraded, still 200, when only an optional dependency is down; no credential needed, never rate limited.
    /// </remarks>
    [HttpGet(Name = "getHealth")]
    [ProducesResponseType<ApiEnvelope<HealthDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(HealthEndpoints.IsReadinessCheck, cancellationToken);
        if (report.Status == HealthStatus.Unhealthy)
        {
            var (code, message) = ApiErrors.ForStatus(StatusCodes.Status503ServiceUnavailable);
            return ApiErrors.Result(HttpContext, StatusCodes.Status503ServiceUnavailable, code, message);
        }

        return Ok(new ApiEnvelope<HealthDto>(new HealthDto(HealthEndpoints.StatusText(report.Status), "up", Version)));
    }

    /// <summary>What the service says of itself.</summary>
    /// <param name="Status">healthy, or degraded when an optional dependency is down.</param>
    /// <param name="Database">up.</param>
    /// <param name="Version">The service's version.</param>
    public sealed record HealthDto(string Status, string Database, string Version);
}
