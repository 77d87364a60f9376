using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Environments;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class EnvironmentQueries(DbSession db) : IEnvironmentQueries
{
    /// <summary>
    /// Every environment, newest first. No leading equality narrows it: the page walks ix_environments_created
    /// (created_at, id) backwards and stops once it is full; a name search reads the trigram index.
    /// </summary>
    internal static readonly ListStatement List = new()
    {
        Name = "EnvironmentQueries.List",
        Table = "environments",
        Alias = "e",
        Columns = "e.id, e.name, e.plan_name, e.created_at",
        Filters = [new("search", SearchColumn: "name"), new("search_short", SearchColumn: "name", Short: true)],
        SortColumn = "e.created_at",
        IdColumn = "e.id",
        Descending = true,
        Counted = new HashSet<int> { 0 },
    };

    internal static class Sql
    {
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

        // The environment's counters (list_counters' key), kept with the rows they count.
        public const string Counts = """
            SELECT
                COALESCE((SELECT c.row_count FROM list_counters c WHERE c.scope_id = @Id AND c.list = 'phone_numbers'), 0) AS active_phone_numbers,
                COALESCE((SELECT c.row_count FROM list_counters c WHERE c.scope_id = @Id AND c.list = 'release_requests:pending'), 0) AS pending_release_requests
            """;
    }

    public Task<ListSlice<EnvironmentReadModel>> ListAsync(string? nameContains, ListWindow window, CancellationToken cancellationToken)
    {
        var request = new ListRequest(List).Search(nameContains);
        if (nameContains is null)
        {
            request.CountedBy(ListCounters.Everywhere, "environments");
        }

        return db.QueryListAsync<EnvironmentReadModel>(request, window, cancellationToken);
    }

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
