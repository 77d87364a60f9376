namespace Talkover.Application.ReleaseRequests;

public sealed record ReleaseRequestHistoryReadModel
{
    public string? FromStatus { get; init; }

    public string ToStatus { get; init; } = "";

    /// <summary>The actor's type: customer, staff or system.</summary>
    public string Actor { get; init; } = "";

    public Guid? ActorId { get; init; }

    public string? ActorName { get; init; }

    public string? ActorEmail { get; init; }

    public string? Note { get; init; }

    public DateTime OccurredAt { get; init; }
}
