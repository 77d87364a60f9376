using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Talkover.Api.Http;

/// <summary>
/// Reads the action's JSON body before anything else in MVC runs, in the contract's order:
/// 415 (not application/json), 413 (over 16 KiB), 400 (not JSON, not an object, a repeated property).
/// The parsed object is handed to the action as a <see cref="JsonBody"/> parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonBodyAttribute(bool required = true) : Attribute, IAsyncResourceFilter
{
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    /// <summary>The type the OpenAPI document shows as the body.</summary>
    public Type? Schema { get; init; }

    public bool Required => required;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

        JsonBody body;
        if (!hasBody)
        {
            if (required)
            {
                context.Result = ApiErrors.Result(http, StatusCodes.Status400BadRequest, ApiErrors.InvalidJson, "The request body must be a JSON object");
                return;
            }

            body = JsonBody.Empty;
        }
        else
        {
            if (!IsJson(request.ContentType))
            {
                context.Result = ApiErrors.Result(http, StatusCodes.Status415UnsupportedMediaType, ApiErrors.UnsupportedMediaType, "Content-Type must be application/json");
                return;
            }

            var bytes = await ReadAtMostAsync(request.Body, MaxBytes, http.RequestAborted);
            if (bytes is null)
            {
                context.Result = ApiErrors.Result(http, StatusCodes.Status413PayloadTooLarge, ApiErrors.PayloadTooLarge, "The request body is larger than 16 KiB");
                return;
            }

            var parsed = Parse(bytes);
            if (parsed is null)
            {
                context.Result = ApiErrors.Result(http, StatusCodes.Status400BadRequest, ApiErrors.InvalidJson, "The request body must be a valid JSON object with no repeated properties");
                return;
            }

            body = new JsonBody(parsed.Value);
        }

        http.Features.Set(body);
        await next();
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

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

/// <summary>Binds a <see cref="JsonBody"/> action parameter to what <see cref="JsonBodyAttribute"/> read.</summary>
public sealed class JsonBodyModelBinder : Microsoft.AspNetCore.Mvc.ModelBinding.IModelBinder
{
    public Task BindModelAsync(Microsoft.AspNetCore.Mvc.ModelBinding.ModelBindingContext bindingContext)
    {
        var body = bindingContext.HttpContext.Features.Get<JsonBody>()
            ?? throw new InvalidOperationException("Actions that take a JsonBody need the [JsonBody] attribute.");
        bindingContext.Result = Microsoft.AspNetCore.Mvc.ModelBinding.ModelBindingResult.Success(body);
        return Task.CompletedTask;
    }
}
