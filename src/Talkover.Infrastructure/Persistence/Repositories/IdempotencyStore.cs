using System.Data.Common;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence.Repositories;

/// <summary>
/// Idempotency keys live in the database, so a key taken on one instance is seen by all. A key row is
/// written only inside its request's transaction: committed, it always holds the response.
/// </summary>
internal sealed class IdempotencyStore(DbSession db) : IIdempotencyStore
{
    internal static class Sql
    {
        public const string Take = """
            INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, state, created_at, expires_at)
            VALUES (@Scope, @Key, @Fingerprint, 'in_flight', @Now, @KeepUntil)
            """;

        public const string Find = """
            SELECT fingerprint, state, response_status, response_content_type, response_location, response_body, response_request_id, expires_at
            FROM idempotency_keys
            WHERE scope = @Scope AND idempotency_key = @Key
            """;

        public const string SaveResponse = """
            UPDATE idempotency_keys
            SET state = 'completed', response_status = @Status, response_content_type = @ContentType,
                response_location = @Location, response_body = @Body, response_request_id = @RequestId, expires_at = @KeepUntil
            WHERE scope = @Scope AND idempotency_key = @Key AND fingerprint = @Fingerprint
            """;

        // Only if still expired: another instance may have taken the key anew since it was read.
        public const string RemoveExpired = "DELETE FROM idempotency_keys WHERE scope = @Scope AND idempotency_key = @Key AND expires_at <= @Now";
    }

    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, DateTime now, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<KeyRow>(Sql.Find, new { Scope = scope, Key = key }, cancellationToken);
        if (row is not null && row.ExpiresAt <= now)
        {
            await db.ExecuteAsync(Sql.RemoveExpired, new { Scope = scope, Key = key, Now = now }, cancellationToken);
            row = await db.QuerySingleOrDefaultAsync<KeyRow>(Sql.Find, new { Scope = scope, Key = key }, cancellationToken);
        }

        // A committed row is completed; one "in_flight" is a lease left by an instance from before keys
        // were kept in their request's transaction, and holds the key until it expires.
        return row is null ? null
            : row.State != "completed" ? new IdempotencyRecord(row.Fingerprint, null)
            : new IdempotencyRecord(row.Fingerprint, new StoredResponse(
                row.ResponseStatus ?? 0, row.ResponseContentType, row.ResponseLocation, row.ResponseBody ?? [], row.ResponseRequestId ?? "", row.Fingerprint));
    }

    public async Task<bool> TryTakeAsync(string scope, string key, string fingerprint, DateTime now, DateTime keepUntil, CancellationToken cancellationToken)
    {
        try
        {
            await db.ExecuteAsync(Sql.Take, new { Scope = scope, Key = key, Fingerprint = fingerprint, Now = now, KeepUntil = keepUntil }, cancellationToken);
            return true;
        }
        catch (DbException ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task SaveResponseAsync(string scope, string key, StoredResponse response, DateTime keepUntil, CancellationToken cancellationToken)
    {
        var saved = await db.ExecuteAsync(Sql.SaveResponse, new
        {
            Scope = scope,
            Key = key,
            response.Status,
            response.ContentType,
            response.Location,
            response.Body,
            response.RequestId,
            response.Fingerprint,
            KeepUntil = keepUntil,
        }, cancellationToken);
        if (saved != 1)
        {
            throw new InvalidOperationException("The idempotency key was not taken in this transaction.");
        }
    }

    public Task<int> DeleteExpiredAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        db.ExecuteAsync(db.Dialect.DeleteExpiredIdempotencyKeys, new { Now = now, BatchSize = batchSize }, cancellationToken);

    private sealed class KeyRow
    {
        public string Fingerprint { get; init; } = "";

        public string State { get; init; } = "";

        public int? ResponseStatus { get; init; }

        public string? ResponseContentType { get; init; }

        public string? ResponseLocation { get; init; }

        public byte[]? ResponseBody { get; init; }

        public string? ResponseRequestId { get; init; }

        public DateTime ExpiresAt { get; init; }
    }
}
