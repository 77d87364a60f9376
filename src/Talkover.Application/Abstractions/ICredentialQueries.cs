namespace Talkover.Application.Abstractions;

public interface ICredentialQueries
{
    /// <summary>The environment of an active (not revoked) token, found by the token's SHA-256 hash.</summary>
    Task<EnvironmentCredential?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);
}
