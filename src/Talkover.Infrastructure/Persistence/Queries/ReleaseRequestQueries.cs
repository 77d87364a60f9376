using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.ReleaseRequests;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class ReleaseRequestQueries(DbSession db) : IReleaseRequestQueries
{
    /// <summary>
    /// An environment's requests, newest first: ix_release_requests_environment (environment_id, requested_at, id)
    /// walked backwards, ix_release_requests_environment_status with a status, ix_release_requests_phone_number
    /// for one number.
    /// </summary>
    internal static readonly ListStatement EnvironmentList = new()
    {
        Name = "ReleaseRequestQueries.EnvironmentList",
        Table = "release_requests",
        Alias = "r",
        Columns = SqlDialect.ReleaseRequestColumns,
        Scope = [new("r.environment_id", "@EnvironmentId")],
        Filters = [new("status", new ListTerm("r.status", "@Status")), new("phone_number_id", new ListTerm("r.phone_number_id", "@PhoneNumberId"))],
        SortColumn = "r.requested_at",
        IdColumn = "r.id",
        Descending = true,
        Counted = new HashSet<int> { 0, 1 },
    };

    /// <summary>
    /// The review queue across environments, oldest first: ix_release_requests_status (status, requested_at, id),
    /// or the trigram index of the requests' numbers for a search; each request's environment by its key.
    /// </summary>
    internal static readonly ListStatement Queue = new()
    {
        Name = "ReleaseRequestQueries.Queue",
        Table = "release_requests",
        Alias = "r",
        Columns = $"{SqlDialect.ReleaseRequestColumns}, e.name AS environment_name",
        Joins = "INNER JOIN environments e ON e.id = r.environment_id",
        Scope = [new("r.status", "@Status")],
        Filters =
        [
            new("environment_id", new ListTerm("r.environment_id", "@EnvironmentId")),
            new("search", SearchColumn: "phone_number"),
            new("search_digits", SearchColumn: "phone_number", Digits: true),
            new("search_short", SearchColumn: "phone_number", Short: true),
        ],
        SortColumn = "r.requested_at",
        IdColumn = "r.id",
        Descending = false,
        Counted = new HashSet<int> { 0, 1 },
    };

    internal static class Sql
    {
        public const string ById = $"""
            SELECT {SqlDialect.ReleaseRequestColumns}
            FROM release_requests r
            WHERE r.id = @Id AND (@EnvironmentId IS NULL OR r.environment_id = @EnvironmentId)
            """;

        public const string History = """
            SELECT h.from_status, h.to_status, h.actor, h.actor_id, h.actor_name, h.actor_email, h.note, h.occurred_at
            FROM release_request_history h
            WHERE h.release_request_id = @Id
            ORDER BY h.occurred_at, h.id
            """;
    }

    public Task<ReleaseRequestReadModel?> GetAsync(Guid requestId, Guid? environmentId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<ReleaseRequestReadModel>(Sql.ById, new { Id = requestId, EnvironmentId = environmentId }, cancellationToken);

    public Task<ListSlice<ReleaseRequestReadModel>> ListForEnvironmentAsync(
        Guid environmentId, string? status, Guid? phoneNumberId, ListWindow window, CancellationToken cancellationToken)
    {
        var request = new ListRequest(EnvironmentList)
            .With("EnvironmentId", environmentId)
            .Filter("status", "Status", status)
            .Filter("phone_number_id", "PhoneNumberId", phoneNumberId);
        if (phoneNumberId is null)
        {
            request.CountedBy(environmentId, status is null ? "release_requests" : "release_requests:" + status);
        }

        return db.QueryListAsync<ReleaseRequestReadModel>(request, window, cancellationToken);
    }

    public Task<ListSlice<ReleaseRequestReadModel>> ListQueueAsync(
        string status, Guid? environmentId, string? numberContains, ListWindow window, CancellationToken cancellationToken)
    {
        var request = new ListRequest(Queue)
            .With("Status", status)
            .Filter("environment_id", "EnvironmentId", environmentId)
            .Search(numberContains);
        if (numberContains is null)
        {
            request.CountedBy(environmentId ?? ListCounters.Everywhere, "release_requests:" + status);
        }

        return db.QueryListAsync<ReleaseRequestReadModel>(request, window, cancellationToken);
    }

    public Task<IReadOnlyList<ReleaseRequestHistoryReadModel>> HistoryAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.QueryAsync<ReleaseRequestHistoryReadModel>(Sql.History, new { Id = requestId }, cancellationToken);
}
