using Microsoft.Extensions.Diagnostics.HealthChecks;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Diagnostics;

/// <summary>The database answers a read and a write (and, on SQLite, its volume has room): see <see cref="IDatabaseHealth"/>.</summary>
public sealed class DatabaseHealthCheck(IDatabaseHealth database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.IsUpAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers a read and a write.")
            : new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer a read and a write.");
}
