using System.Text.Json.Serialization;

namespace Talkover.Application.ReleaseRequests;

/// <summary>A release request as support staff see it: with its environment (and its name, on the queue), and its history on the detail route.</summary>
public sealed record AdminReleaseRequestDto : ReleaseRequestDto
{
    // Serializers write a derived type's own members first; these belong after the request's fields.
    [JsonPropertyOrder(1)]
    public Guid EnvironmentId { get; init; }

    /// <summary>On the review queue's items; omitted elsewhere.</summary>
    [JsonPropertyOrder(2)]
    public string? EnvironmentName { get; init; }

    [JsonPropertyOrder(3)]
    public IReadOnlyList<ReleaseRequestHistoryDto>? History { get; init; }
}
