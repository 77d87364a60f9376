using System.Text.Json.Serialization;
using AutoMapper;
using Talkover.Domain.ReleaseRequests;

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

/// <summary>A release request as support staff see it: with its environment, and its history on the detail route.</summary>
public sealed record AdminReleaseRequestDto : ReleaseRequestDto
{
    // Serializers write a derived type's own members first; these belong after the request's fields.
    [JsonPropertyOrder(1)]
    public Guid EnvironmentId { get; init; }

    [JsonPropertyOrder(2)]
    public IReadOnlyList<ReleaseRequestHistoryDto>? History { get; init; }
}

public sealed record ReleaseRequestHistoryDto
{
    public string? FromStatus { get; init; }

    public string ToStatus { get; init; } = "";

    public string Actor { get; init; } = "";

    public string? Note { get; init; }

    public DateTime OccurredAt { get; init; }
}

/// <summary>Flat, server-side shapes only (see docs/decisions/0004-pinned-mediatr-and-automapper.md).</summary>
public sealed class ReleaseRequestProfile : Profile
{
    public ReleaseRequestProfile()
    {
        CreateMap<ReleaseRequest, ReleaseRequestDto>();
        CreateMap<ReleaseRequest, AdminReleaseRequestDto>();
        CreateMap<ReleaseRequestStatusChange, ReleaseRequestHistoryDto>();
        CreateMap<ReleaseRequestReadModel, ReleaseRequestDto>();
        CreateMap<ReleaseRequestReadModel, AdminReleaseRequestDto>().ForMember(d => d.History, o => o.Ignore());
        CreateMap<ReleaseRequestHistoryReadModel, ReleaseRequestHistoryDto>();
    }
}
