using System.Buffers;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Talkover.Api.Http;

/// <summary>The outcome of reading a request's JSON body: the object and its bytes, or the contract's error.</summary>
public sealed record JsonBodyRead(JsonBody? Body, byte[] Raw, int Status, string? Code, string? Message)
{
    public bool Ok => Body is not null;

    public static JsonBodyRead Success(JsonBody body, byte[] raw) => new(body, raw, StatusCodes.Status200OK, null, null);

    public static JsonBodyRead Failure(int status, string code, string message, byte[]? raw = null) => new(null, raw ?? [], status, code, message);
}

/// <summary>
/// Reads the body once per request, in the contract's order: 415 (a Content-Type that is not JSON in
/// UTF-8), 413 (over 16 KiB), 400 (not JSON, not an object, a repeated property, invalid UTF-8).
/// The result is kept on the request, so the idempotency layer and the action share one read.
/// </summary>
public static class JsonBodyReader
{
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    public static async Task<JsonBodyRead> ReadAsync(HttpContext http, bool required)
    {
        if (http.Features.Get<JsonBodyRead>() is { } cached)
        {
            return cached;
        }

        var read = await ReadOnceAsync(http.Request, required, http.RequestAborted);
        http.Features.Set(read);
        return read;
    }

    private static async Task<JsonBodyRead> ReadOnceAsync(HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!string.IsNullOrEmpty(request.ContentType) || hasBody)
        {
            if (!IsJson(request.ContentType))
            {
                return JsonBodyRead.Failure(StatusCodes.Status415UnsupportedMediaType, ApiErrors.UnsupportedMediaType, "Content-Type must be application/json");
            }
        }

        var bytes = hasBody ? await ReadAtMostAsync(request.Body, MaxBytes, cancellationToken) : [];
        if (bytes is null)
        {
            return JsonBodyRead.Failure(StatusCodes.Status413PayloadTooLarge, ApiErrors.PayloadTooLarge, "The request body is larger than 16 KiB");
        }

        if (bytes.Length == 0)
        {
            return required
                ? JsonBodyRead.Failure(StatusCodes.Status400BadRequest, ApiErrors.InvalidJson, "The request body must be a JSON object")
                : JsonBodyRead.Success(JsonBody.Empty, bytes);
        }

        return Parse(bytes) is { } root
            ? JsonBodyRead.Success(new JsonBody(root), bytes)
            : JsonBodyRead.Failure(StatusCodes.Status400BadRequest, ApiErrors.InvalidJson, "The request body must be a valid JSON object with no repeated properties", bytes);
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

    private static JsonElement? Parse(byte[] bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, ParseOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
