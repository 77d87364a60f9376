namespace Talkover.Application.ReleaseRequests;

public sealed record ReleaseRequestHistoryReadModel
{
    public string? FromStatus { get; init; }

    public string ToStatus { get; init; } = "";

    public string Actor { get; init; } = "";

    public string? Note { get; init; }

    public DateTime OccurredAt { get; init; }
}
