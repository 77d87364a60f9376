using Talkover.Application.Abstractions;
using Talkover.Domain.Staff;

namespace Talkover.Infrastructure.Persistence.Repositories;

internal sealed class StaffCredentialRepository(DbSession db) : IStaffCredentialRepository
{
    internal static class Sql
    {
        public const string InsertApiKey = """
            INSERT INTO staff_api_keys (id, staff_id, name, key_hash, created_at, last_used_at, revoked_at)
            VALUES (@Id, @StaffId, @Name, @KeyHash, @CreatedAt, @LastUsedAt, @RevokedAt)
            """;

        public const string ListApiKeys = """
            SELECT id, staff_id, name, key_hash, created_at, last_used_at, revoked_at
            FROM staff_api_keys
            WHERE staff_id = @StaffId
            ORDER BY created_at, id
            """;

        public const string RevokeApiKey = """
            UPDATE staff_api_keys SET revoked_at = COALESCE(revoked_at, @RevokedAt)
            WHERE id = @Id AND staff_id = @StaffId
            """;

        public const string FindActiveApiKey = """
            SELECT id, staff_id, name, key_hash, created_at, last_used_at, revoked_at
            FROM staff_api_keys
            WHERE key_hash = @KeyHash AND revoked_at IS NULL
            """;

        public const string TouchApiKey = """
            UPDATE staff_api_keys SET last_used_at = @UsedAt
            WHERE id = @Id AND (last_used_at IS NULL OR last_used_at <= @Before)
            """;

        // An earlier link that is still unused stops working: it is marked used when a new one is made.
        public const string RetireSetupLinks = "UPDATE staff_setup_links SET used_at = @CreatedAt WHERE staff_id = @StaffId AND used_at IS NULL";

        public const string InsertSetupLink = """
            INSERT INTO staff_setup_links (id, staff_id, token_hash, created_at, expires_at, used_at)
            VALUES (@Id, @StaffId, @TokenHash, @CreatedAt, @ExpiresAt, @UsedAt)
            """;

        public const string FindSetupLink = """
            SELECT id, staff_id, token_hash, created_at, expires_at, used_at
            FROM staff_setup_links
            WHERE token_hash = @TokenHash
            """;

        public const string UseSetupLink = "UPDATE staff_setup_links SET used_at = @UsedAt WHERE id = @Id AND used_at IS NULL";
    }

    public Task AddApiKeyAsync(StaffApiKey key, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.InsertApiKey, key, cancellationToken);

    public async Task<IReadOnlyList<StaffApiKey>> ListApiKeysAsync(Guid staffId, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<KeyRow>(Sql.ListApiKeys, new { StaffId = staffId }, cancellationToken)).Select(row => row.ToKey())];

    public async Task<bool> RevokeApiKeyAsync(Guid staffId, Guid keyId, DateTime revokedAt, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(Sql.RevokeApiKey, new { Id = keyId, StaffId = staffId, RevokedAt = revokedAt }, cancellationToken) == 1;

    public async Task<StaffApiKey?> FindActiveApiKeyAsync(string keyHash, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<KeyRow>(Sql.FindActiveApiKey, new { KeyHash = keyHash }, cancellationToken))?.ToKey();

    public Task<bool> TouchApiKeyAsync(Guid keyId, DateTime usedAt, TimeSpan granularity, CancellationToken cancellationToken) =>
        db.TryExecuteAsync(Sql.TouchApiKey, new { Id = keyId, UsedAt = usedAt, Before = usedAt - granularity }, cancellationToken);

    public async Task AddSetupLinkAsync(StaffSetupLink link, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Sql.RetireSetupLinks, new { link.StaffId, link.CreatedAt }, cancellationToken);
        await db.ExecuteAsync(Sql.InsertSetupLink, link, cancellationToken);
    }

    public async Task<StaffSetupLink?> FindSetupLinkAsync(string tokenHash, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<LinkRow>(Sql.FindSetupLink, new { TokenHash = tokenHash }, cancellationToken))?.ToLink();

    public async Task<bool> UseSetupLinkAsync(Guid linkId, DateTime usedAt, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(Sql.UseSetupLink, new { Id = linkId, UsedAt = usedAt }, cancellationToken) == 1;

    /// <summary>A staff_api_keys row as this repository reads it.</summary>
    private sealed class KeyRow
    {
        public Guid Id { get; init; }

        public Guid StaffId { get; init; }

        public string Name { get; init; } = "";

        public string KeyHash { get; init; } = "";

        public DateTime CreatedAt { get; init; }

        public DateTime? LastUsedAt { get; init; }

        public DateTime? RevokedAt { get; init; }

        public StaffApiKey ToKey() => new(Id, StaffId, Name, KeyHash, CreatedAt, LastUsedAt, RevokedAt);
    }

    /// <summary>A staff_setup_links row as this repository reads it.</summary>
    private sealed class LinkRow
    {
        public Guid Id { get; init; }

        public Guid StaffId { get; init; }

        public string TokenHash { get; init; } = "";

        public DateTime CreatedAt { get; init; }

        public DateTime ExpiresAt { get; init; }

        public DateTime? UsedAt { get; init; }

        public StaffSetupLink ToLink() => new(Id, StaffId, TokenHash, CreatedAt, ExpiresAt, UsedAt);
    }
}
