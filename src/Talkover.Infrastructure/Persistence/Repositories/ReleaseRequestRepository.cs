using System.Data.Common;
using Talkover.Application.Abstractions;
using Talkover.Application.Events;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Infrastructure.Persistence.Repositories;

/// <summary>Release requests and their history; each request stored hands its recorded events to the outbox of the command's transaction.</summary>
internal sealed class ReleaseRequestRepository(DbSession db, EventOutbox events) : IReleaseRequestRepository
{
    internal static class Sql
    {
        public const string SelectForUpdate = $"""
            SELECT {SqlDialect.ReleaseRequestColumns}
            FROM release_requests r /*lock*/
            WHERE r.id = @Id AND (@EnvironmentId IS NULL OR r.environment_id = @EnvironmentId)
            """;

        public const string Insert = """
            INSERT INTO release_requests (id, environment_id, phone_number_id, phone_number, reason, status, requested_at)
            VALUES (@Id, @EnvironmentId, @PhoneNumberId, @PhoneNumber, @Reason, @Status, @RequestedAt)
            """;

        // The status guard makes a lost race visible even without the row lock.
        public const string SaveResolution = """
            UPDATE release_requests
            SET status = @Status, resolved_at = @ResolvedAt, resolution_note = @ResolutionNote
            WHERE id = @Id AND status = 'pending'
            """;

        public const string History = """
            SELECT from_status, to_status, actor, actor_id, actor_name, actor_email, note, occurred_at
            FROM release_request_history
            WHERE release_request_id = @Id
            ORDER BY occurred_at, id
            """;

        public const string InsertHistory = """
            INSERT INTO release_request_history (id, release_request_id, from_status, to_status, actor, actor_id, actor_name, actor_email, note, occurred_at)
            VALUES (@Id, @ReleaseRequestId, @FromStatus, @ToStatus, @Actor, @ActorId, @ActorName, @ActorEmail, @Note, @OccurredAt)
            """;
    }

    public async Task AddAsync(ReleaseRequest request, CancellationToken cancellationToken)
    {
        events.Track(request);
        try
        {
            await db.ExecuteAsync(Sql.Insert, new
            {
                request.Id,
                request.EnvironmentId,
                request.PhoneNumberId,
                request.PhoneNumber,
                request.Reason,
                request.Status,
                request.RequestedAt,
            }, cancellationToken);
        }
        catch (DbException ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            // The filtered unique index is the last line of defence behind the domain check.
            throw DomainErrors.ReleaseAlreadyPending();
        }

        foreach (var change in request.History)
        {
            await AddHistoryAsync(request.Id, change, cancellationToken);
        }
    }

    public async Task<ReleaseRequest?> GetForUpdateAsync(Guid requestId, Guid? environmentId, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(db.Dialect.Locking(Sql.SelectForUpdate), new { Id = requestId, EnvironmentId = environmentId }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var history = await db.QueryAsync<HistoryRow>(Sql.History, new { row.Id }, cancellationToken);
        return ReleaseRequest.Rehydrate(row.Id, row.EnvironmentId, row.PhoneNumberId, row.PhoneNumber, row.Reason, row.Status, row.RequestedAt, row.ResolvedAt, row.ResolutionNote,
            history.Select(h => new ReleaseRequestStatusChange(h.FromStatus, h.ToStatus, new Actor(h.Actor, h.ActorId, h.ActorName, h.ActorEmail), h.Note, h.OccurredAt)));
    }

    public async Task SaveResolutionAsync(ReleaseRequest request, CancellationToken cancellationToken)
    {
        events.Track(request);
        var changed = await db.ExecuteAsync(Sql.SaveResolution, new
        {
            request.Id,
            request.Status,
            request.ResolvedAt,
            request.ResolutionNote,
        }, cancellationToken);
        if (changed != 1)
        {
            throw DomainErrors.ReleaseRequestNotPending();
        }

        await AddHistoryAsync(request.Id, request.History[^1], cancellationToken);
    }

    private Task AddHistoryAsync(Guid requestId, ReleaseRequestStatusChange change, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.InsertHistory, new
        {
            Id = Guid.CreateVersion7(),
            ReleaseRequestId = requestId,
            change.FromStatus,
            change.ToStatus,
            Actor = change.Actor.Type,
            ActorId = change.Actor.Id,
            ActorName = change.Actor.Name,
            ActorEmail = change.Actor.Email,
            change.Note,
            change.OccurredAt,
        }, cancellationToken);

    /// <summary>A release_requests row as this repository reads it.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }

        public Guid EnvironmentId { get; init; }

        public Guid PhoneNumberId { get; init; }

        public string PhoneNumber { get; init; } = "";

        public string Reason { get; init; } = "";

        public string Status { get; init; } = "";

        public DateTime RequestedAt { get; init; }

        public DateTime? ResolvedAt { get; init; }

        public string? ResolutionNote { get; init; }
    }

    /// <summary>A release_request_history row as this repository reads it.</summary>
    private sealed class HistoryRow
    {
        public string? FromStatus { get; init; }

        public string ToStatus { get; init; } = "";

        public string Actor { get; init; } = "";

        public Guid? ActorId { get; init; }

        public string? ActorName { get; init; }

        public string? ActorEmail { get; init; }

        public string? Note { get; init; }

        public DateTime OccurredAt { get; init; }
    }
}
