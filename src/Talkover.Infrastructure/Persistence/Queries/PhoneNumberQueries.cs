using Talkover.Application.PhoneNumbers;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class PhoneNumberQueries(DbSession db) : IPhoneNumberQueries
{
    internal static class Sql
    {
        public const string ById = $"""
            SELECT {SqlDialect.PhoneNumberColumns},
                (SELECT r.id FROM release_requests r WHERE r.phone_number_id = p.id AND r.status = 'pending') AS pending_release_request_id
            FROM phone_numbers p
            WHERE p.environment_id = @EnvironmentId AND p.id = @Id AND p.current_status = 'active'
            """;

        public const string Agents = """
            SELECT a.id, a.name, a.direction
            FROM agent_phone_numbers ap
            INNER JOIN agents a ON a.id = ap.agent_id
            WHERE ap.phone_number_id = @Id
            ORDER BY a.created_at, a.id
            """;
    }

    public async Task<PhoneNumberReadModel?> GetAsync(Guid environmentId, Guid phoneNumberId, CancellationToken cancellationToken)
    {
        var model = await db.QuerySingleOrDefaultAsync<PhoneNumberReadModel>(Sql.ById, new { EnvironmentId = environmentId, Id = phoneNumberId }, cancellationToken);
        if (model is null)
        {
            return null;
        }

        var agents = await db.QueryAsync<AgentRow>(Sql.Agents, new { model.Id }, cancellationToken);
        return model with { Agents = [.. agents.Select(a => new AssignedAgentReadModel(a.Id, a.Name, a.Direction))] };
    }

    private sealed class AgentRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string Direction { get; init; } = "";
    }
}
