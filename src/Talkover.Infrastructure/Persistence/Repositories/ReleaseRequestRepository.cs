using System.Data.Common;
using Talkover.Application.Abstractions;
using Talkover.Application.ReleaseRequests;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Infrastructure.Persistence.Repositories;

internal sealed class ReleaseRequestRepository(DbSession db) : IReleaseRequestRepository
{
    internal static class Sql
    {
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

        public const string InsertHistory = """
            INSERT INTO release_request_history (id, release_request_id, from_status, to_status, actor, note, occurred_at)
            VALUES (@Id, @ReleaseRequestId, @FromStatus, @ToStatus, @Actor, @Note, @OccurredAt)
            """;
    }

    public async Task AddAsync(ReleaseRequest request, string actor, CancellationToken cancellationToken)
    {
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

        await AddHistoryAsync(request.Id, null, request.Status, actor, null, request.RequestedAt, cancellationToken);
    }

    public async Task<ReleaseRequest?> GetForUpdateAsync(Guid requestId, Guid? environmentId, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<ReleaseRequestReadModel>(
            db.Dialect.SelectReleaseRequestForUpdate, new { Id = requestId, EnvironmentId = environmentId }, cancellationToken);
        return row is null
            ? null
            : ReleaseRequest.Rehydrate(row.Id, row.EnvironmentId, row.PhoneNumberId, row.PhoneNumber, row.Reason, row.Status, row.RequestedAt, row.ResolvedAt, row.ResolutionNote);
    }

    public async Task SaveResolutionAsync(ReleaseRequest request, string actor, CancellationToken cancellationToken)
    {
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

        await AddHistoryAsync(request.Id, ReleaseRequestStatus.Pending, request.Status, actor, request.ResolutionNote, request.ResolvedAt!.Value, cancellationToken);
    }

    private Task AddHistoryAsync(Guid requestId, string? fromStatus, string toStatus, string actor, string? note, DateTime occurredAt, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.InsertHistory, new
        {
            Id = Guid.CreateVersion7(),
            ReleaseRequestId = requestId,
            FromStatus = fromStatus,
            ToStatus = toStatus,
            Actor = actor,
            Note = note,
            OccurredAt = occurredAt,
        }, cancellationToken);
}
