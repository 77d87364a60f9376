using System.Text.Json.Serialization;

namespace Talkover.Application.Environments;

/// <summary>One environment with its tokens (oldest first, never their secret or hash) and what it holds.</summary>
public sealed record EnvironmentDetailDto : EnvironmentDto
{
    // Serializers write a derived type's own members first; these belong after the environment's fields.
    [JsonPropertyOrder(1)]
    public IReadOnlyList<EnvironmentTokenDto> Tokens { get; init; } = [];

    [JsonPropertyOrder(2)]
    public long ActivePhoneNumbers { get; init; }

    [JsonPropertyOrder(3)]
    public long PendingReleaseRequests { get; init; }
}
