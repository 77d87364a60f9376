using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.ReleaseRequests;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class ReleaseRequestQueries(DbSession db) : IReleaseRequestQueries
{
    internal static class Sql
    {
        // Served by ix_release_requests_environment (environment_id, requested_at, id), walked backwards.
        private const string EnvironmentFilter = """
            r.environment_id = @EnvironmentId
              AND (@Status IS NULL OR r.status = @Status)
              AND (@PhoneNumberId IS NULL OR r.phone_number_id = @PhoneNumberId)
            """;

        // Served by ix_release_requests_status (status, requested_at, id); the optional filters are
        // checked on that status's rows.
        private const string QueueFilter = """
            r.status = @Status
              AND (@EnvironmentId IS NULL OR r.environment_id = @EnvironmentId)
              AND (@Search IS NULL OR r.phone_number LIKE @Search ESCAPE '\')
            """;

        public const string ById = $"""
            SELECT {SqlDialect.ReleaseRequestColumns}
            FROM release_requests r
            WHERE r.id = @Id AND (@EnvironmentId IS NULL OR r.environment_id = @EnvironmentId)
            """;

        public const string EnvironmentPage = $"""
            SELECT {SqlDialect.ReleaseRequestColumns}
            FROM release_requests r
            WHERE {EnvironmentFilter}
            ORDER BY r.requested_at DESC, r.id DESC
            {SqlDialect.PageMarker}
            """;

        public const string EnvironmentCount = $"SELECT COUNT(*) FROM release_requests r WHERE {EnvironmentFilter}";

        // Each request's environment by its primary key, for its name.
        public const string QueuePage = $"""
            SELECT {SqlDialect.ReleaseRequestColumns}, e.name AS environment_name
            FROM release_requests r
            INNER JOIN environments e ON e.id = r.environment_id
            WHERE {QueueFilter}
            ORDER BY r.requested_at, r.id
            {SqlDialect.PageMarker}
            """;

        public const string QueueCount = $"SELECT COUNT(*) FROM release_requests r WHERE {QueueFilter}";

        public const string History = """
            SELECT h.from_status, h.to_status, h.actor, h.actor_id, h.actor_name, h.actor_email, h.note, h.occurred_at
            FROM release_request_history h
            WHERE h.release_request_id = @Id
            ORDER BY h.occurred_at, h.id
            """;
    }

    public Task<ReleaseRequestReadModel?> GetAsync(Guid requestId, Guid? environmentId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<ReleaseRequestReadModel>(Sql.ById, new { Id = requestId, EnvironmentId = environmentId }, cancellationToken);

    public Task<(IReadOnlyList<ReleaseRequestReadModel> Items, long Total)> ListForEnvironmentAsync(
        Guid environmentId, string? status, Guid? phoneNumberId, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<ReleaseRequestReadModel>(
            Sql.EnvironmentPage,
            Sql.EnvironmentCount,
            new { EnvironmentId = environmentId, Status = status, PhoneNumberId = phoneNumberId, page.Skip, Take = page.Size },
            cancellationToken);

    public Task<(IReadOnlyList<ReleaseRequestReadModel> Items, long Total)> ListQueueAsync(
        string status, Guid? environmentId, string? numberContains, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<ReleaseRequestReadModel>(
            Sql.QueuePage,
            Sql.QueueCount,
            new
            {
                Status = status,
                EnvironmentId = environmentId,
                Search = numberContains is null ? null : db.Dialect.LikeContains(numberContains),
                page.Skip,
                Take = page.Size,
            },
            cancellationToken);

    public Task<IReadOnlyList<ReleaseRequestHistoryReadModel>> HistoryAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.QueryAsync<ReleaseRequestHistoryReadModel>(Sql.History, new { Id = requestId }, cancellationToken);
}
