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
}
