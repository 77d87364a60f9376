using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.ListPhoneNumbers;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class PhoneNumberQueries(DbSession db) : IPhoneNumberQueries
{
    internal static class Sql
    {
        private const string PendingRequestColumn =
            "(SELECT r.id FROM release_requests r WHERE r.phone_number_id = p.id AND r.status = 'pending') AS pending_release_request_id";

        // Served by ix_phone_numbers_environment (environment_id, created_at, id), walked backwards;
        // the optional filters are checked on the environment's rows only.
        private const string ListFilter = """
            p.environment_id = @EnvironmentId AND p.current_status = 'active'
              AND (@Type IS NULL OR p.type = @Type)
              AND (@HasVoice IS NULL OR p.has_voice = @HasVoice)
              AND (@HasWhatsapp IS NULL OR p.has_whatsapp = @HasWhatsapp)
              AND (@Search IS NULL OR p.number LIKE @Search ESCAPE '\' OR p.id = @SearchId)
            """;

        public const string ById = $"""
            SELECT {SqlDialect.PhoneNumberColumns}, {PendingRequestColumn}
            FROM phone_numbers p
            WHERE p.environment_id = @EnvironmentId AND p.id = @Id AND p.current_status = 'active'
            """;

        public const string ListPage = $"""
            SELECT {SqlDialect.PhoneNumberColumns}, {PendingRequestColumn}
            FROM phone_numbers p
            WHERE {ListFilter}
            ORDER BY p.created_at DESC, p.id DESC
            {SqlDialect.PageMarker}
            """;

        public const string ListCount = $"SELECT COUNT(*) FROM phone_numbers p WHERE {ListFilter}";

        /// <summary>The agents of exactly the numbers on the page, in one round trip.</summary>
        public const string AgentsOfListPage = $"""
            SELECT ap.phone_number_id, a.id, a.name, a.direction
            FROM (
                SELECT p.id, p.created_at
                FROM phone_numbers p
                WHERE {ListFilter}
                ORDER BY p.created_at DESC, p.id DESC
                {SqlDialect.PageMarker}
            ) pg
            INNER JOIN agent_phone_numbers ap ON ap.phone_number_id = pg.id
            INNER JOIN agents a ON a.id = ap.agent_id
            ORDER BY a.created_at, a.id
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

    public async Task<(IReadOnlyList<PhoneNumberReadModel> Items, long Total)> ListAsync(
        Guid environmentId, PhoneNumberFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            EnvironmentId = environmentId,
            filter.Type,
            filter.HasVoice,
            filter.HasWhatsapp,
            Search = filter.NumberContains is null ? null : db.Dialect.LikeContains(filter.NumberContains),
            SearchId = filter.Id,
            page.Skip,
            Take = page.Size,
        };
        var (items, total) = await db.QueryPageAsync<PhoneNumberReadModel>(Sql.ListPage, Sql.ListCount, parameters, cancellationToken);
        if (items.Count == 0)
        {
            return (items, total);
        }

        var agents = (await db.QueryAsync<AgentRow>(db.Dialect.Paged(Sql.AgentsOfListPage), parameters, cancellationToken)).ToLookup(a => a.PhoneNumberId);
        return ([.. items.Select(item => item with { Agents = [.. agents[item.Id].Select(a => new AssignedAgentReadModel(a.Id, a.Name, a.Direction))] })], total);
    }

    private sealed class AgentRow
    {
        public Guid PhoneNumberId { get; init; }

        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string Direction { get; init; } = "";
    }
}
