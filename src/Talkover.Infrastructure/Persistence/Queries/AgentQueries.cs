using Talkover.Application.Abstractions;
using Talkover.Application.Agents;
using Talkover.Application.Agents.ListAgents;
using Talkover.Application.Common;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class AgentQueries(DbSession db) : IAgentQueries
{
    /// <summary>The environment's agents, newest first: ix_agents_environment (environment_id, created_at, id) walked backwards.</summary>
    internal static readonly ListStatement List = new()
    {
        Name = "AgentQueries.List",
        Table = "agents",
        Alias = "a",
        Columns = SqlDialect.AgentColumns,
        Scope = [new("a.environment_id", "@EnvironmentId")],
        Filters =
        [
            new("status", new ListTerm("a.current_status", "@Status")),
            new("direction", new ListTerm("a.direction", "@Direction")),
            new("search", SearchColumn: "name"),
            new("search_short", SearchColumn: "name", Short: true),
        ],
        SortColumn = "a.created_at",
        IdColumn = "a.id",
        Descending = true,
        Counted = new HashSet<int> { 0 },
        Children = new(
            "phone_numbers_json",
            [("id", "p.id"), ("number", "p.number"), ("country_code", "p.country_code"), ("current_status", "p.current_status")],
            From: "agent_phone_numbers ap INNER JOIN phone_numbers p ON p.id = ap.phone_number_id AND p.current_status = 'active'",
            Where: "ap.agent_id = a.id",
            OrderBy: "p.number, p.id"),
    };

    internal static class Sql
    {
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

    public async Task<ListSlice<AgentReadModel>> ListAsync(
        Guid environmentId, AgentFilter filter, ListWindow window, CancellationToken cancellationToken)
    {
        var request = new ListRequest(List)
            .With("EnvironmentId", environmentId)
            .Filter("status", "Status", filter.Status)
            .Filter("direction", "Direction", filter.Direction)
            .Search(filter.NameContains);
        if (filter is { Status: null, Direction: null, NameContains: null })
        {
            request.CountedBy(environmentId, "agents");
        }

        return await db.QueryListAsync<AgentReadModel>(request, window, cancellationToken,
            children: (item, row, column) => item with { PhoneNumbers = ListChildren.Read<AgentPhoneNumberReadModel>(row, column) });
    }

    private sealed class PhoneNumberRow
    {
        public Guid Id { get; init; }

        public string Number { get; init; } = "";

        public string CountryCode { get; init; } = "";

        public string CurrentStatus { get; init; } = "";
    }
}
