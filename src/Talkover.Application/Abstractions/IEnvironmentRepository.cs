using Talkover.Domain.Environments;

namespace Talkover.Application.Abstractions;

public interface IEnvironmentRepository
{
    Task<bool> ExistsAsync(Guid environmentId, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    Task AddAsync(TenantEnvironment environment, CancellationToken cancellationToken);

    Task AddTokenAsync(EnvironmentToken token, CancellationToken cancellationToken);

    Task<EnvironmentToken?> GetTokenAsync(Guid environmentId, Guid tokenId, CancellationToken cancellationToken);

    /// <summary>Marks the token revoked unless it already was; false when it already was.</summary>
    Task<bool> RevokeTokenAsync(Guid tokenId, DateTime revokedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the token was accepted at <paramref name="usedAt"/>, unless it already was within
    /// <paramref name="granularity"/> before. Bookkeeping: false when skipped because another write was under way.
    /// </summary>
    Task<bool> TouchTokenAsync(Guid tokenId, DateTime usedAt, TimeSpan granularity, CancellationToken cancellationToken);
}
