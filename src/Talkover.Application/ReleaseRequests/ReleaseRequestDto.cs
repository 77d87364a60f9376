using AutoMapper;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests;

/// <summary>A release request as clients see it; resolution fields stay null (and so are omitted) while pending.</summary>
public sealed record ReleaseRequestDto
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

/// <summary>Flat, server-side shapes only (see docs/decisions/0004-pinned-mediatr-and-automapper.md).</summary>
public sealed class ReleaseRequestProfile : Profile
{
    public ReleaseRequestProfile()
    {
        CreateMap<ReleaseRequest, ReleaseRequestDto>();
    }
}
