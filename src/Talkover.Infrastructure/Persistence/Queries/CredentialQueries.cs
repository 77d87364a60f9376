using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class CredentialQueries(DbSession db) : ICredentialQueries
{
    internal static class Sql
    {
        public const string ByTokenHash = """
            SELECT t.id AS token_id, t.environment_id, e.plan_name
            FROM environment_tokens t
            INNER JOIN environments e ON e.id = t.environment_id
            WHERE t.token_hash = @TokenHash AND t.revoked_at IS NULL
            """;
    }

    public async Task<EnvironmentCredential?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<CredentialRow>(Sql.ByTokenHash, new { TokenHash = tokenHash }, cancellationToken);
        return row is null ? null : new EnvironmentCredential(row.TokenId, row.EnvironmentId, row.PlanName);
    }

    private sealed class CredentialRow
    {
        public Guid TokenId { get; init; }

        public Guid EnvironmentId { get; init; }

        public string PlanName { get; init; } = "";
    }
}
