using Talkover.Application.Abstractions;
using Talkover.Domain.Environments;

namespace Talkover.Infrastructure.Persistence.Repositories;

internal sealed class EnvironmentRepository(DbSession db) : IEnvironmentRepository
{
    internal static class Sql
    {
        public const string Exists = "SELECT CASE WHEN EXISTS (SELECT 1 FROM environments WHERE id = @Id) THEN 1 ELSE 0 END";

        public const string Any = "SELECT CASE WHEN EXISTS (SELECT 1 FROM environments) THEN 1 ELSE 0 END";

        public const string Insert = "INSERT INTO environments (id, name, plan_name, created_at) VALUES (@Id, @Name, @Plan, @CreatedAt)";

        public const string GetToken = """
            SELECT id, environment_id, token_hash, created_at, revoked_at
            FROM environment_tokens
            WHERE environment_id = @EnvironmentId AND id = @Id
            """;

        public const string RevokeToken = "UPDATE environment_tokens SET revoked_at = @RevokedAt WHERE id = @Id AND revoked_at IS NULL";

        // Only a newer use than the granularity allows writes, so a busy token costs one write a minute at most.
        public const string TouchToken = """
            UPDATE environment_tokens SET last_used_at = @UsedAt
            WHERE id = @Id AND (last_used_at IS NULL OR last_used_at <= @Before)
            """;

        public const string InsertToken = """
            INSERT INTO environment_tokens (id, environment_id, token_hash, created_at, revoked_at)
            VALUES (@Id, @EnvironmentId, @TokenHash, @CreatedAt, @RevokedAt)
            """;
    }

    public async Task<bool> ExistsAsync(Guid environmentId, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<int>(Sql.Exists, new { Id = environmentId }, cancellationToken) == 1;

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<int>(Sql.Any, null, cancellationToken) == 1;

    public Task AddAsync(TenantEnvironment environment, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.Insert, environment, cancellationToken);

    public Task AddTokenAsync(EnvironmentToken token, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.InsertToken, token, cancellationToken);

    public async Task<EnvironmentToken?> GetTokenAsync(Guid environmentId, Guid tokenId, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<TokenRow>(Sql.GetToken, new { EnvironmentId = environmentId, Id = tokenId }, cancellationToken);
        return row is null ? null : new EnvironmentToken(row.Id, row.EnvironmentId, row.TokenHash, row.CreatedAt, row.RevokedAt);
    }

    public async Task<bool> RevokeTokenAsync(Guid tokenId, DateTime revokedAt, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(Sql.RevokeToken, new { Id = tokenId, RevokedAt = revokedAt }, cancellationToken) == 1;

    public Task<bool> TouchTokenAsync(Guid tokenId, DateTime usedAt, TimeSpan granularity, CancellationToken cancellationToken) =>
        db.TryExecuteAsync(Sql.TouchToken, new { Id = tokenId, UsedAt = usedAt, Before = usedAt - granularity }, cancellationToken);

    private sealed class TokenRow
    {
        public Guid Id { get; init; }

        public Guid EnvironmentId { get; init; }

        public string TokenHash { get; init; } = "";

        public DateTime CreatedAt { get; init; }

        public DateTime? RevokedAt { get; init; }
    }
}
