using System.Text.Json.Serialization;
using Talkover.Application.Common;

namespace Talkover.Api.Http;

/// <summary>Every 2xx body: <c>{"success": true, "data": ...}</c>, with <c>message</c> and <c>meta</c> when there is one.</summary>
public sealed record ApiEnvelope<T>(T Data, string? Message = null, PageMeta? Meta = null)
{
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}

/// <summary>Every non-2xx body. <c>errors</c> only on VALIDATION_ERROR; <c>request_id</c> always.</summary>
public sealed record ApiErrorEnvelope
{
    public ApiErrorEnvelope(string message, string code, string requestId, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        Message = message;
        Code = code;
        Errors = errors;
        RequestId = requestId;
    }

    public bool Success => false;

    public string Message { get; }

    public string Code { get; }

    /// <summary>Field name → every problem with it; present only on VALIDATION_ERROR.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    public string RequestId { get; }
}
