using System.Data.Common;
using Talkover.Application.Abstractions;
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
