namespace Talkover.Application.Abstractions;

/// <summary>
/// Idempotency keys and the responses kept under them. Every method but <see cref="DeleteExpiredAsync"/>
/// runs inside the transaction of the request that carries the key, so the key, the command's writes
/// and the response are committed together or not at all.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// The fingerprint of the request that took the key and the response kept for it (none while that
    /// request still runs elsewhere). Null when the key is new or has expired (an expired key is removed here).
    /// </summary>
    Task<IdempotencyRecord?> FindAsync(string scope, string key, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the key for this transaction. False when another request committed it first; where the
    /// database locks rows, a concurrent request taking the same key waits here until this one ends.
    /// </summary>
    Task<bool> TryTakeAsync(string scope, string key, string fingerprint, DateTime now, DateTime keepUntil, CancellationToken cancellationToken);

    /// <summary>Keeps the response under the key until <paramref name="keepUntil"/>.</summary>
    Task SaveResponseAsync(string scope, string key, StoredResponse response, DateTime keepUntil, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> keys that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTime now, int batchSize, CancellationToken cancellationToken);
}
