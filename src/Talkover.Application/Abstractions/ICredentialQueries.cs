namespace Talkover.Application.Abstractions;

/// <summary>Finds who a presented credential belongs to; read on every authenticated request.</summary>
public interface ICredentialQueries
{
    /// <summary>The environment of an active (not revoked) token, found by the token's SHA-256 hash.</summary>
    Task<EnvironmentCredential?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>The active member owning a key that is not revoked, found by the key's SHA-256 hash.</summary>
    Task<StaffCredential?> FindStaffByKeyHashAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>An active member, with their current name, email, role and security stamp (a console session is checked against it).</summary>
    Task<StaffCredential?> FindActiveStaffAsync(Guid staffId, CancellationToken cancellationToken);
}
