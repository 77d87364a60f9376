using Talkover.Domain.Staff;

namespace Talkover.Application.Abstractions;

/// <summary>Staff members' personal API keys and setup links; both are stored as hashes only.</summary>
public interface IStaffCredentialRepository
{
    Task AddApiKeyAsync(StaffApiKey key, CancellationToken cancellationToken);

    /// <summary>A member's keys, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<StaffApiKey>> ListApiKeysAsync(Guid staffId, CancellationToken cancellationToken);

    /// <summary>Marks the member's key revoked unless it already was; false when there is no such key of theirs.</summary>
    Task<bool> RevokeApiKeyAsync(Guid staffId, Guid keyId, DateTime revokedAt, CancellationToken cancellationToken);

    /// <summary>A key that is not revoked, found by its hash.</summary>
    Task<StaffApiKey?> FindActiveApiKeyAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Records a use of the key, at most once per <paramref name="granularity"/> (so a busy key does not write
    /// on every request). Bookkeeping: false when skipped because another write was under way.
    /// </summary>
    Task<bool> TouchApiKeyAsync(Guid keyId, DateTime usedAt, TimeSpan granularity, CancellationToken cancellationToken);

    /// <summary>Adds a setup link; the member's earlier links stop working.</summary>
    Task AddSetupLinkAsync(StaffSetupLink link, CancellationToken cancellationToken);

    Task<StaffSetupLink?> FindSetupLinkAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Uses the link up; false when it was already used (a second tab, a replay).</summary>
    Task<bool> UseSetupLinkAsync(Guid linkId, DateTime usedAt, CancellationToken cancellationToken);
}
