using Talkover.Application.Abstractions;
using Talkover.Application.Agents;
using Talkover.Application.Agents.ListAgents;
using Talkover.Application.Common;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class AgentQueries(DbSession db) : IAgentQueries
{
    internal static class Sql
    {
        // Served by ix_agents_environment (environment_id, created_at, id), walked backwards.
        private const string ListFilter = """
            a.environment_id = @EnvironmentId
              AND (@Status IS NULL OR a.current_status = @Status)
              AND (@Direction IS NULL OR a.direction = @Direction)
              AND (@Search IS NULL OR a.name LIKE @Search ESCAPE '\')
            """;

        public const string ListPage = $"""
            SELECT {SqlDialect.AgentColumns}
            FROM agents a
            WHERE {ListFilter}
            ORDER BY a.created_at DESC, a.id DESC
            {SqlDialect.PageMarker}
            """;

        public const string ListCount = $"SELECT COUNT(*) FROM agents a WHERE {ListFilter}";

        /// <summary>The active numbers of exactly the agents on the page, in one round trip.</summary>
        public const string PhoneNumbersOfListPage = $"""
            SELECT ap.agent_id, p.id, p.number, p.country_code, p.current_status
            FROM (
                SELECT a.id, a.created_at
                FROM agents a
                WHERE {ListFilter}
                ORDER BY a.created_at DESC, a.id DESC
                {SqlDialect.PageMarker}
            ) pg
            INNER JOIN agent_phone_numbers ap ON ap.agent_id = pg.id
            INNER JOIN phone_numbers p ON p.id = ap.phone_number_id AND p.current_status = 'active'
            ORDER BY p.number, p.id
            """;

        public const string ById = $"""
            SELECT {SqlDialect.AgentColumns}
            FROM agents a
            WHERE a.environment_id = @EnvironmentId AND a.id = @Id
            """;

        public const string PhoneNumbers = """
            SELECT p.id, p.number, p.country_code, p.current_status
            FROM agent_phone_numbers ap
            INNER JOIN phone_numbers p ON p.id = ap.phone_number_id
            WHERE ap.agent_id = @Id AND p.current_status = 'active'
            ORDER BY p.number, p.id
            """;
    }

    public async Task<AgentReadModel?> GetAsync(Guid environmentId, Guid agentId, CancellationToken cancellationToken)
    {
        var model = await db.QuerySingleOrDefaultAsync<AgentReadModel>(Sql.ById, new { EnvironmentId = environmentId, Id = agentId }, cancellationToken);
        if (model is null)
        {
            return null;
        }

        var numbers = await db.QueryAsync<PhoneNumberRow>(Sql.PhoneNumbers, new { model.Id }, cancellationToken);
        return model with { PhoneNumbers = [.. numbers.Select(n => new AgentPhoneNumberReadModel(n.Id, n.Number, n.CountryCode, n.CurrentStatus))] };
    }

    public async Task<(IReadOnlyList<AgentReadModel> Items, long Total)> ListAsync(
        Guid environmentId, AgentFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            EnvironmentId = environmentId,
            filter.Status,
            filter.Direction,
            Search = filter.NameContains is null ? null : db.Dialect.LikeContains(filter.NameContains),
            page.Skip,
            Take = page.Size,
        };
        var (items, total) = await db.QueryPageAsync<AgentReadModel>(Sql.ListPage, Sql.ListCount, parameters, cancellationToken);
        if (items.Count == 0)
        {
            return (items, total);
        }

        var numbers = (await db.QueryAsync<PhoneNumberRow>(db.Dialect.Paged(Sql.PhoneNumbersOfListPage), parameters, cancellationToken)).ToLookup(n => n.AgentId);
        return ([.. items.Select(item => item with { PhoneNumbers = [.. numbers[item.Id].Select(n => new AgentPhoneNumberReadModel(n.Id, n.Number, n.CountryCode, n.CurrentStatus))] })], total);
    }

    private sealed class PhoneNumberRow
    {
        public Guid AgentId { get; init; }

        public Guid Id { get; init; }

        public string Number { get; init; } = "";

        public string CountryCode { get; init; } = "";

        public string CurrentStatus { get; init; } = "";
    }
}
