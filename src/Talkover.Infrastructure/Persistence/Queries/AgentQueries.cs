using Talkover.Application.Agents;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class AgentQueries(DbSession db) : IAgentQueries
{
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

    private sealed class PhoneNumberRow
    {
        public Guid Id { get; init; }

        public string Number { get; init; } = "";

        public string CountryCode { get; init; } = "";

        public string CurrentStatus { get; init; } = "";
    }
}
