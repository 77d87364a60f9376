namespace Talkover.Application.ReleaseRequests;

/// <summary>A release request as customers see it; resolution fields stay null (and so are omitted) while pending.</summary>
public record ReleaseRequestDto
{
    public Guid Id { get; init; }

    public Guid PhoneNumberId { get; init; }

    public string PhoneNumber { get; init; } = "";

    public string Reason { get; init; } = "";

    public string Status { get; init; } = "";

    public DateTime RequestedAt { get; init; }

    public DateTime? ResolvedAt { get; init; }

    public string? ResolutionNote { get; init; }
}
