using System.Text.Json.Serialization;

namespace Talkover.Application.ReleaseRequests;

/// <summary>A release request as support staff see it: with its environment, and its history on the detail route.</summary>
public sealed record AdminReleaseRequestDto : ReleaseRequestDto
{
    // Serializers write a derived type's own members first; these belong after the request's fields.
    [JsonPropertyOrder(1)]
    public Guid EnvironmentId { get; init; }

    [JsonPropertyOrder(2)]
    public IReadOnlyList<ReleaseRequestHistoryDto>? History { get; init; }
}
