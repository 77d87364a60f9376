using Talkover.Domain.Common;

namespace Talkover.Application.Abstractions;

public static class EnvironmentRepositoryExtensions
{
    /// <summary>Throws ENVIRONMENT_NOT_FOUND unless the environment exists.</summary>
    public static async Task EnsureExistsAsync(this IEnvironmentRepository environments, Guid environmentId, CancellationToken cancellationToken)
    {
        if (!await environments.ExistsAsync(environmentId, cancellationToken))
        {
            throw DomainErrors.EnvironmentNotFound();
        }
    }
}
