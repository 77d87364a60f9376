using System.Data.Common;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence.Repositories;

/// <summary>
/// Idempotency keys live in the database, so a key claimed on one instance is seen by all. Each
/// statement commits on its own: the claim must be visible to a concurrent request at once.
/// </summary>
internal sealed class IdempotencyStore(DbSession db) : IIdempotencyStore
{
    internal static class Sql
    {
        public const string Claim = """
            INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, state, created_at, expires_at)
            VALUES (@Scope, @Key, @Fingerprint, 'in_flight', @Now, @ExpiresAt)
            """;

        public const string Find = """
            SELECT fingerprint, state, response_status, response_content_type, response_location, response_body, response_request_id
            FROM idempotency_keys
            WHERE scope = @Scope AND idempotency_key = @Key
            """;

        // Served by ix_idempotency_keys_expires_at; removes finished keys after 24 h and abandoned leases.
        public const string DeleteExpired = "DELETE FROM idempotency_keys WHERE expires_at <= @Now";

        public const string Complete = """
            UPDATE idempotency_keys
            SET state = 'completed', response_status = @Status, response_content_type = @ContentType,
                response_location = @Location, response_body = @Body, response_request_id = @RequestId, expires_at = @KeepUntil
            WHERE scope = @Scope AND idempotency_key = @Key AND state = 'in_flight' AND fingerprint = @Fingerprint
            """;

        public const string Release = "DELETE FROM idempotency_keys WHERE scope = @Scope AND idempotency_key = @Key";
    }

    public async Task<IdempotencyRecord?> TryClaimAsync(string scope, string key, string fingerprint, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Sql.DeleteExpired, new { Now = now }, cancellationToken);
        try
        {
            await db.ExecuteAsync(Sql.Claim, new { Scope = scope, Key = key, Fingerprint = fingerprint, Now = now, ExpiresAt = leaseUntil }, cancellationToken);
            return null;
        }
        catch (DbException ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            var row = await db.QuerySingleOrDefaultAsync<KeyRow>(Sql.Find, new { Scope = scope, Key = key }, cancellationToken);
            if (row is null)
            {
                // Released between our insert and this read; report it as still in flight.
                return new IdempotencyRecord(fingerprint, null);
            }

            var response = row.State == "completed"
                ? new StoredResponse(row.ResponseStatus ?? 0, row.ResponseContentType, row.ResponseLocation, row.ResponseBody ?? [], row.ResponseRequestId ?? "", row.Fingerprint)
                : null;
            return new IdempotencyRecord(row.Fingerprint, response);
        }
    }

    public Task CompleteAsync(string scope, string key, StoredResponse response, DateTime keepUntil, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.Complete, new
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

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.Release, new { Scope = scope, Key = key }, cancellationToken);

    private sealed class KeyRow
    {
        public string Fingerprint { get; init; } = "";

        public string State { get; init; } = "";

        public int? ResponseStatus { get; init; }

        public string? ResponseContentType { get; init; }

        public string? ResponseLocation { get; init; }

        public byte[]? ResponseBody { get; init; }

        public string? ResponseRequestId { get; init; }
    }
}
