using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Talkover.Domain.Common;

namespace Talkover.Api.Http;

/// <summary>The one way an error response is written; its codes come from <see cref="ErrorCodes"/>.</summary>
public static class ApiErrors
{
    /// <summary>The code and message for a bare status code (no route, wrong verb, and the like).</summary>
    public static (string Code, string Message) ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (ErrorCodes.InvalidJson, "The request could not be read"),
        StatusCodes.Status401Unauthorized => (ErrorCodes.InvalidToken, "Missing, malformed, unknown or revoked token"),
        StatusCodes.Status403Forbidden => (ErrorCodes.Unauthorized, "This credential may not use this route"),
        StatusCodes.Status404NotFound => (ErrorCodes.NotFound, "No such route"),
        StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, "This route does not accept that method"),
        StatusCodes.Status413PayloadTooLarge => (ErrorCodes.PayloadTooLarge, "The request body is larger than 16 KiB"),
        StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.UnsupportedMediaType, "Content-Type must be application/json"),
        StatusCodes.Status429TooManyRequests => (ErrorCodes.RateLimitExceeded, "Rate limit exceeded"),
        StatusCodes.Status503ServiceUnavailable => (ErrorCodes.ServiceUnavailable, "The service is temporarily unavailable"),
        _ => (ErrorCodes.InternalError, "An unexpected error occurred"),
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
