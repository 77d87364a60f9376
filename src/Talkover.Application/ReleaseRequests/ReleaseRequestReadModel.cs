namespace Talkover.Application.ReleaseRequests;

/// <summary>A release request row as the read side loads it.</summary>
public sealed record ReleaseRequestReadModel
{
    public Guid Id { get; init; }

    public Guid EnvironmentId { get; init; }

    /// <summary>Loaded by the review queue only.</summary>
    public string? EnvironmentName { get; init; }

    public Guid PhoneNumberId { get; init; }

    public string PhoneNumber { get; init; } = "";

    public string Reason { get; init; } = "";

    public string Status { get; init; } = "";

    public DateTime RequestedAt { get; init; }

    public DateTime? ResolvedAt { get; init; }

    public string? ResolutionNote { get; init; }
}
