using Talkover.Application.Common;

namespace Talkover.Application.ReleaseRequests;

/// <summary>A release request row as the read side loads it.</summary>
public sealed record ReleaseRequestReadModel
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

public sealed record ReleaseRequestHistoryReadModel
{
    public string? FromStatus { get; init; }

    public string ToStatus { get; init; } = "";

    public string Actor { get; init; } = "";

    public string? Note { get; init; }

    public DateTime OccurredAt { get; init; }
}

public interface IReleaseRequestQueries
{
    /// <summary>One request; with an environment id, only if it belongs to that environment.</summary>
    Task<ReleaseRequestReadModel?> GetAsync(Guid requestId, Guid? environmentId, CancellationToken cancellationToken);

    /// <summary>An environment's requests, newest first.</summary>
    Task<(IReadOnlyList<ReleaseRequestReadModel> Items, long Total)> ListForEnvironmentAsync(
        Guid environmentId, string? status, Guid? phoneNumberId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The review queue across environments, oldest first.</summary>
    Task<(IReadOnlyList<ReleaseRequestReadModel> Items, long Total)> ListQueueAsync(
        string status, Guid? environmentId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Every status change of a request, oldest first.</summary>
    Task<IReadOnlyList<ReleaseRequestHistoryReadModel>> HistoryAsync(Guid requestId, CancellationToken cancellationToken);
}
