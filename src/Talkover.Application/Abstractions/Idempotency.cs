namespace Talkover.Application.Abstractions;

/// <summary>A response kept for replay: status, the headers that matter, and the body as sent.</summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>What is already known about an idempotency key.</summary>
public sealed record IdempotencyRecord(string Fingerprint, StoredResponse? Response)
{
    public bool InFlight => Response is null;
}

public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for a new request, or returns what the key already holds. An expired claim
    /// is dropped and the key claimed anew.
    /// </summary>
    Task<IdempotencyRecord?> TryClaimAsync(string scope, string key, string fingerprint, DateTime now, DateTime expiresAt, CancellationToken cancellationToken);

    Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Gives the key up (the request failed in a way a retry should not replay).</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
