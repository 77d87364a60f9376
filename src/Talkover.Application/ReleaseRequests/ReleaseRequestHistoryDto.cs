namespace Talkover.Application.ReleaseRequests;

/// <summary>One status change of a release request.</summary>
public sealed record ReleaseRequestHistoryDto
{
    public string? FromStatus { get; init; }

    public string ToStatus { get; init; } = "";

    public ActorDto Actor { get; init; } = ActorDto.From(Domain.ReleaseRequests.Actor.System);

    public string? Note { get; init; }

    public DateTime OccurredAt { get; init; }
}
