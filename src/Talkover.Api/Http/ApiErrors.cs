using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Talkover.Api.Http;

/// <summary>The error codes of the contract and the one way an error response is written.</summary>
public static class ApiErrors
{
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidToken = "INVALID_TOKEN";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string ValidationError = "VALIDATION_ERROR";
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";
    public const string IdempotencyKeyMismatch = "IDEMPOTENCY_KEY_MISMATCH";
    public const string IdempotencyKeyInUse = "IDEMPOTENCY_KEY_IN_USE";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>The code and message for a bare status code (no route, wrong verb, and the like).</summary>
    public static (string Code, string Message) ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (InvalidJson, "The request could not be read"),
        StatusCodes.Status401Unauthorized => (InvalidToken, "Missing, malformed, unknown or revoked token"),
        StatusCodes.Status403Forbidden => (Unauthorized, "This credential may not use this route"),
        StatusCodes.Status404NotFound => (NotFound, "No such route"),
        StatusCodes.Status405MethodNotAllowed => (MethodNotAllowed, "This route does not accept that method"),
        StatusCodes.Status413PayloadTooLarge => (PayloadTooLarge, "The request body is larger than 16 KiB"),
        StatusCodes.Status415UnsupportedMediaType => (UnsupportedMediaType, "Content-Type must be application/json"),
        StatusCodes.Status429TooManyRequests => (RateLimitExceeded, "Rate limit exceeded"),
        StatusCodes.Status503ServiceUnavailable => (ServiceUnavailable, "The service is temporarily unavailable"),
        _ => (InternalError, "An unexpected error occurred"),
    };

    public static ApiErrorEnvelope Envelope(HttpContext context, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(message, code, context.TraceIdentifier, errors);

    /// <summary>For MVC filters and controllers.</summary>
    public static IActionResult Result(HttpContext context, int status, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new ObjectResult(Envelope(context, code, message, errors)) { StatusCode = status };

    /// <summary>For middleware, outside MVC.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, Envelope(context, code, message, errors), json, context.RequestAborted);
    }
}
