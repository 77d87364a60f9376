using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Environments;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class EnvironmentQueries(DbSession db) : IEnvironmentQueries
{
    internal static class Sql
    {
        // Every environment, so no leading equality narrows it: the page walks ix_environments_created
        // (created_at, id) backwards and stops once it is full; a name search is checked on the way.
        private const string ListFilter = """
            (@Search IS NULL OR e.name LIKE @Search ESCAPE '\')
            """;

        public const string ListPage = $"""
            SELECT e.id, e.name, e.plan_name, e.created_at
            FROM environments e
            WHERE {ListFilter}
            ORDER BY e.created_at DESC, e.id DESC
            {SqlDialect.PageMarker}
            """;

        public const string ListCount = $"SELECT COUNT(*) FROM environments e WHERE {ListFilter}";

        public const string ById = """
            SELECT e.id, e.name, e.plan_name, e.created_at
            FROM environments e
            WHERE e.id = @Id
            """;

        // ix_environment_tokens_environment; an environment has a handful of tokens, sorted here.
        public const string Tokens = """
            SELECT t.id, t.created_at, t.last_used_at, t.revoked_at
            FROM environment_tokens t
            WHERE t.environment_id = @Id
            ORDER BY t.created_at, t.id
            """;

        // Each count reads one environment's entries only: of ix_phone_numbers_environment, and of
        // ix_release_requests_pending_environment (its pending requests, nothing else).
        public const string Counts = """
            SELECT
                (SELECT COUNT(*) FROM phone_numbers p WHERE p.environment_id = @Id AND p.current_status = 'active') AS active_phone_numbers,
                (SELECT COUNT(*) FROM release_requests r WHERE r.environment_id = @Id AND r.status = 'pending') AS pending_release_requests
            """;
    }

    public Task<(IReadOnlyList<EnvironmentReadModel> Items, long Total)> ListAsync(string? nameContains, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<EnvironmentReadModel>(
            Sql.ListPage,
            Sql.ListCount,
            new { Search = nameContains is null ? null : db.Dialect.LikeContains(nameContains), page.Skip, Take = page.Size },
            cancellationToken);

    public async Task<EnvironmentDetailReadModel?> GetAsync(Guid environmentId, CancellationToken cancellationToken)
    {
        var parameters = new { Id = environmentId };
        var environment = await db.QuerySingleOrDefaultAsync<EnvironmentReadModel>(Sql.ById, parameters, cancellationToken);
        if (environment is null)
        {
            return null;
        }

        var tokens = await db.QueryAsync<EnvironmentTokenReadModel>(Sql.Tokens, parameters, cancellationToken);
        var counts = await db.QuerySingleOrDefaultAsync<CountsRow>(Sql.Counts, parameters, cancellationToken);
        return new EnvironmentDetailReadModel
        {
            Id = environment.Id,
            Name = environment.Name,
            PlanName = environment.PlanName,
            CreatedAt = environment.CreatedAt,
            Tokens = tokens,
            ActivePhoneNumbers = counts?.ActivePhoneNumbers ?? 0,
            PendingReleaseRequests = counts?.PendingReleaseRequests ?? 0,
        };
    }

    private sealed class CountsRow
    {
        public long ActivePhoneNumbers { get; init; }

        public long PendingReleaseRequests { get; init; }
    }
}
