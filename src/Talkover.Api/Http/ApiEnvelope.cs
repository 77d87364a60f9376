using System.Text.Json.Serialization;

namespace Talkover.Api.Http;

/// <summary>Every 2xx body: <c>{"success": true, "data": ...}</c>, with <c>message</c> and <c>meta</c> when there is one.</summary>
public sealed record ApiEnvelope<T>(T Data, string? Message = null, object? Meta = null)
{
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}

/// <summary>Every non-2xx body. <c>errors</c> only on VALIDATION_ERROR; <c>request_id</c> always.</summary>
public sealed record ApiErrorEnvelope(string Message, string Code, IReadOnlyDictionary<string, string[]>? Errors, string RequestId)
{
    [JsonPropertyOrder(-1)]
    public bool Success => false;
}
