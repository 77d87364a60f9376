namespace Talkover.Application.Abstractions;

/// <summary>Who an environment token belongs to.</summary>
public sealed record EnvironmentCredential(Guid TokenId, Guid EnvironmentId, string Plan);

public interface ICredentialQueries
{
    /// <summary>The environment of an active (not revoked) token, found by the token's SHA-256 hash.</summary>
    Task<EnvironmentCredential?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);
}

public interface IDatabaseHealth
{
    Task<bool> IsUpAsync(CancellationToken cancellationToken);
}
