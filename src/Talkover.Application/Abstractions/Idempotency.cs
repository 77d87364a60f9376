namespace Talkover.Application.Abstractions;

/// <summary>
/// A response kept for replay: status, the headers that matter, the body as sent, the request id it
/// carried, and the fingerprint of the request it answered.
/// </summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body, string RequestId, string Fingerprint);

/// <summary>What is already known about an idempotency key.</summary>
public sealed record IdempotencyRecord(string Fingerprint, StoredResponse? Response)
{
    public bool InFlight => Response is null;
}

public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for a new request until <paramref name="leaseUntil"/>, or returns what the key
    /// already holds. Expired keys and leases (a request that never finished) are dropped first.
    /// </summary>
    Task<IdempotencyRecord?> TryClaimAsync(string scope, string key, string fingerprint, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken);

    /// <summary>Keeps the response for replay until <paramref name="keepUntil"/>, if the key is still this request's claim.</summary>
    Task CompleteAsync(string scope, string key, StoredResponse response, DateTime keepUntil, CancellationToken cancellationToken);

    /// <summary>Gives the key up (the request failed in a way a retry should not replay).</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
