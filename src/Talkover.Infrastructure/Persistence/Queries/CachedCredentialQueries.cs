using Talkover.Application.Abstractions;
using Talkover.Infrastructure.Security;

namespace Talkover.Infrastructure.Persistence.Queries;

/// <summary>
/// The per-request lookups of tokens and staff keys, remembered for a second (<see cref="CredentialCache"/>).
/// A console session's member is always read afresh: pages are few, and signing out must count at once.
/// </summary>
internal sealed class CachedCredentialQueries(CredentialQueries queries, CredentialCache cache) : ICredentialQueries
{
    public Task<EnvironmentCredential?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync("talq:" + tokenHash, () => queries.FindByTokenHashAsync(tokenHash, cancellationToken));

    public Task<StaffCredential?> FindStaffByKeyHashAsync(string keyHash, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync("tks:" + keyHash, () => queries.FindStaffByKeyHashAsync(keyHash, cancellationToken));

    public Task<StaffCredential?> FindActiveStaffAsync(Guid staffId, CancellationToken cancellationToken) =>
        queries.FindActiveStaffAsync(staffId, cancellationToken);
}
