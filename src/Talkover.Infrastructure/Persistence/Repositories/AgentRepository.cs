using Talkover.Application.Abstractions;
using Talkover.Domain.Agents;

namespace Talkover.Infrastructure.Persistence.Repositories;

internal sealed class AgentRepository(DbSession db) : IAgentRepository
{
    internal static class Sql
    {
        public const string SelectForUpdate = $"""
            SELECT {SqlDialect.AgentColumns}
            FROM agents a /*lock*/
            WHERE a.environment_id = @EnvironmentId AND a.id = @Id
            """;

        public const string PhoneNumberIds = "SELECT phone_number_id FROM agent_phone_numbers WHERE agent_id = @Id";

        public const string Insert = """
            INSERT INTO agents (id, environment_id, name, label, language, direction, current_status, created_at, updated_at)
            VALUES (@Id, @EnvironmentId, @Name, @Label, @Language, @Direction, @Status, @CreatedAt, @UpdatedAt)
            """;

        public const string UpdateDirection = "UPDATE agents SET direction = @Direction, updated_at = @UpdatedAt WHERE id = @Id";

        public const string DetachAll = "DELETE FROM agent_phone_numbers WHERE agent_id = @AgentId";

        public const string Attach = "INSERT INTO agent_phone_numbers (agent_id, phone_number_id) VALUES (@AgentId, @PhoneNumberId)";
    }

    public async Task<Agent?> GetForUpdateAsync(Guid environmentId, Guid agentId, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(db.Dialect.Locking(Sql.SelectForUpdate), new { EnvironmentId = environmentId, Id = agentId }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var phoneNumberIds = await db.QueryAsync<Guid>(Sql.PhoneNumberIds, new { row.Id }, cancellationToken);
        return Agent.Rehydrate(row.Id, row.EnvironmentId, row.Name, row.Label, row.Language, row.Direction, row.CurrentStatus, phoneNumberIds, row.CreatedAt, row.UpdatedAt);
    }

    public Task AddAsync(Agent agent, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.Insert, new
        {
            agent.Id,
            agent.EnvironmentId,
            agent.Name,
            agent.Label,
            agent.Language,
            agent.Direction,
            agent.Status,
            agent.CreatedAt,
            agent.UpdatedAt,
        }, cancellationToken);

    public async Task UpdateCallingAsync(Agent agent, bool numbersReplaced, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Sql.UpdateDirection, new { agent.Id, agent.Direction, agent.UpdatedAt }, cancellationToken);
        if (!numbersReplaced)
        {
            return;
        }

        await db.ExecuteAsync(Sql.DetachAll, new { AgentId = agent.Id }, cancellationToken);
        foreach (var phoneNumberId in agent.PhoneNumberIds)
        {
            await db.ExecuteAsync(Sql.Attach, new { AgentId = agent.Id, PhoneNumberId = phoneNumberId }, cancellationToken);
        }
    }

    /// <summary>An agents row as this repository reads it.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }

        public Guid EnvironmentId { get; init; }

        public string Name { get; init; } = "";

        public string? Label { get; init; }

        public string Language { get; init; } = "";

        public string Direction { get; init; } = "";

        public string CurrentStatus { get; init; } = "";

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }
    }
}
