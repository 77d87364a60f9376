using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;
using Talkover.Domain.Common;

namespace Talkover.Api.Http;

/// <summary>The outcome of reading a request's JSON body: its bytes, or the contract's error.</summary>
public sealed record JsonBodyRead(bool Ok, byte[] Raw, int Status, string? Code, string? Message)
{
    public static JsonBodyRead Success(byte[] raw) => new(true, raw, StatusCodes.Status200OK, null, null);

    public static JsonBodyRead Failure(int status, string code, string message, byte[]? raw = null) => new(false, raw ?? [], status, code, message);
}

/// <summary>
/// Reads the body once per request, in the contract's order: 415 (a Content-Type that is not JSON in
/// UTF-8), 413 (over 16 KiB), 400 (not JSON, not an object, a repeated property, invalid UTF-8).
/// Which routes take a body, and whether it may be left out, is said once, by the action's
/// <c>[FromBody]</c> parameter (<c>EmptyBodyBehavior.Allow</c>: optional). The result is kept on the
/// request, so the idempotency layer, the filter and the binder share one read.
/// </summary>
public static class JsonBodyReader
{
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    /// <summary>The body as read, or null when the route takes none.</summary>
    public static async Task<JsonBodyRead?> ReadAsync(HttpContext http)
    {
        if (http.Features.Get<JsonBodyRead>() is { } cached)
        {
            return cached;
        }

        if (BodyParameterOf(http.GetEndpoint()) is not { } body)
        {
            return null;
        }

        var read = await ReadOnceAsync(http.Request, required: body.BindingInfo?.EmptyBodyBehavior != EmptyBodyBehavior.Allow, http.RequestAborted);
        http.Features.Set(read);
        return read;
    }

    private static ParameterDescriptor? BodyParameterOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action ? BodyParameterOf(action) : null;

    // An action's parameters never change: its body parameter (or none) is looked for once per action.
    private static readonly ConditionalWeakTable<ActionDescriptor, ParameterDescriptor?[]> BodyParameters = new();

    /// <summary>The action's <c>[FromBody]</c> parameter, or null when it takes no body.</summary>
    public static ParameterDescriptor? BodyParameterOf(ActionDescriptor action) =>
        BodyParameters.GetValue(action, static a => [a.Parameters.FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body)])[0];

    private static async Task<JsonBodyRead> ReadOnceAsync(HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        // The server knows: a Content-Length, chunked HTTP/1.1, or an HTTP/2 or /3 stream that goes on after its headers.
        var hasBody = request.ContentLength is not 0
            && (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
                ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0));
        if (!string.IsNullOrEmpty(request.ContentType) || hasBody)
        {
            if (!IsJson(request.ContentType))
            {
                return JsonBodyRead.Failure(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Content-Type must be application/json");
            }
        }

        var bytes = hasBody ? await ReadAtMostAsync(request.Body, MaxBytes, cancellationToken) : [];
        if (bytes is null)
        {
            return JsonBodyRead.Failure(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The request body is larger than 16 KiB");
        }

        if (bytes.Length == 0)
        {
            return required
                ? JsonBodyRead.Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "The request body must be a JSON object")
                : JsonBodyRead.Success(bytes);
        }

        return IsJsonObject(bytes)
            ? JsonBodyRead.Success(bytes)
            : JsonBodyRead.Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "The request body must be a valid JSON object with no repeated properties", bytes);
    }

    /// <summary>application/json, with no charset or UTF-8 (JSON is UTF-8 by definition, RFC 8259).</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!mediaType.Charset.HasValue || HeaderUtilities.RemoveQuotes(mediaType.Charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total, limit + 1 - total), cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsJsonObject(byte[] bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, ParseOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
