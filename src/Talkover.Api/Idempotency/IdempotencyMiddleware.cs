using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on POST and PUT (IETF draft semantics): the first response to a key is
/// kept for 24 hours and replayed byte for byte to a repeat of the same request; the same key with
/// a different request is 422, and while the first is still running, 409. 5xx and 429 are not kept,
/// so a retry runs again. Keys are scoped per environment, or per admin credential.
/// </summary>
public sealed partial class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock, AdminKey adminKey, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>How long a running request holds its key; a request that dies frees it after this.</summary>
    public static readonly TimeSpan InFlightLease = TimeSpan.FromMinutes(2);

    private const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store)
    {
        var request = context.Request;
        var endpoint = context.GetEndpoint();
        var scope = ScopeOf(context.User);
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
            || !request.Headers.TryGetValue(HeaderName, out var values)
            || scope is null
            || endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>() is null)
        {
            await next(context);
            return;
        }

        // The body's own errors (415, 413, 400) come first in the check order; the action answers them.
        var body = Array.Empty<byte>();
        if (endpoint.Metadata.GetMetadata<JsonBodyAttribute>() is { } jsonBody)
        {
            var read = await JsonBodyReader.ReadAsync(context, jsonBody.Required);
            if (!read.Ok)
            {
                await next(context);
                return;
            }

            body = read.Raw;
        }

        var key = values.ToString();
        if (values.Count != 1 || !SaneKey().IsMatch(key))
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, ApiErrors.ValidationError, "The request has invalid fields",
                new Dictionary<string, string[]> { [HeaderName] = [$"{HeaderName} must be 1 to 255 printable ASCII characters"] });
            return;
        }

        var fingerprint = Fingerprint(request, body);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await store.TryClaimAsync(scope, key, fingerprint, now, now + InFlightLease, context.RequestAborted);
        if (existing is not null)
        {
            await AnswerFromExistingAsync(context, existing, fingerprint, scope, key);
            return;
        }

        await RunAndKeepAsync(context, store, scope, key, fingerprint);
    }

    private async Task RunAndKeepAsync(HttpContext context, IIdempotencyStore store, string scope, string key, string fingerprint)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await store.ReleaseAsync(scope, key, CancellationToken.None);
            throw;
        }

        context.Response.Body = original;
        var status = context.Response.StatusCode;
        var bytes = captured.ToArray();
        try
        {
            if (status >= 500 || status == StatusCodes.Status429TooManyRequests || status == ClientClosedRequest || context.RequestAborted.IsCancellationRequested)
            {
                // Nothing worth replaying: a retry with this key runs again.
                await store.ReleaseAsync(scope, key, CancellationToken.None);
            }
            else
            {
                var location = context.Response.Headers.Location.ToString();
                var stored = new StoredResponse(status, context.Response.ContentType, location.Length > 0 ? location : null,
                    Protect(scope, key, bytes), context.TraceIdentifier, fingerprint);
                await store.CompleteAsync(scope, key, stored, clock.GetUtcNow().UtcDateTime + Retention, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // The work is done (or rolled back) already; the client gets its real answer. The key's
            // lease runs out on its own, after which a retry is treated as new.
            logger.LogError(ex, "Could not record the outcome of an idempotent request");
        }

        await original.WriteAsync(bytes, context.RequestAborted);
    }

    private async Task AnswerFromExistingAsync(HttpContext context, IdempotencyRecord existing, string fingerprint, string scope, string key)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(existing.Fingerprint), Encoding.ASCII.GetBytes(fingerprint)))
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, ApiErrors.IdempotencyKeyMismatch,
                "This Idempotency-Key was used with a different request");
            return;
        }

        if (existing.Response is not { } response)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status409Conflict, ApiErrors.IdempotencyKeyInUse,
                "A request with this Idempotency-Key is still being processed");
            return;
        }

        // The body is the first response's, byte for byte, so the request id it names is the first one too.
        context.TraceIdentifier = response.RequestId;
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.Location is not null)
        {
            context.Response.Headers.Location = response.Location;
        }

        context.Response.Headers[ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(Unprotect(scope, key, response.Body), context.RequestAborted);
    }

    private string? ScopeOf(ClaimsPrincipal user) => user.FindFirstValue(CredentialKinds.ClaimType) switch
    {
        CredentialKinds.Environment => "env:" + user.FindFirstValue(TalkoverClaims.EnvironmentIdClaim),
        CredentialKinds.Admin => adminKey.ScopeName,
        _ => null,
    };

    // Admin responses can carry a freshly issued token, and no secret may rest in the database:
    // they are kept encrypted (AES-GCM) under a key derived from the admin key and the idempotency key.
    private byte[] Protect(string scope, string key, byte[] body)
    {
        if (!scope.StartsWith("admin", StringComparison.Ordinal))
        {
            return body;
        }

        using var aes = new AesGcm(adminKey.DeriveKey("idempotent-response", key), AesGcm.TagByteSizes.MaxSize);
        var sealedBody = new byte[12 + 16 + body.Length];
        var nonce = sealedBody.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(nonce, body, sealedBody.AsSpan(28), sealedBody.AsSpan(12, 16));
        return sealedBody;
    }

    private byte[] Unprotect(string scope, string key, byte[] stored)
    {
        if (!scope.StartsWith("admin", StringComparison.Ordinal))
        {
            return stored;
        }

        using var aes = new AesGcm(adminKey.DeriveKey("idempotent-response", key), AesGcm.TagByteSizes.MaxSize);
        var body = new byte[stored.Length - 28];
        aes.Decrypt(stored.AsSpan(0, 12), stored.AsSpan(28), stored.AsSpan(12, 16), body);
        return body;
    }

    private static string Fingerprint(HttpRequest request, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method.ToUpperInvariant()}\n{request.Path}{request.QueryString}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [GeneratedRegex(@"^[\x20-\x7E]{1,255}$")]
    private static partial Regex SaneKey();
}
