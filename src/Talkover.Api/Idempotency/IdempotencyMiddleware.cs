using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.ReviewConsole;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POST, PUT and PATCH (IETF draft semantics): the first response to a
/// key is kept for 24 hours and replayed byte for byte to a repeat of the same request; the same key with
/// a different request is 422, and while the first is still running, 409. Keys are scoped per
/// environment, per staff member, or per bootstrap key. The console's forms are not API calls: the header
/// means nothing there (their pages may show a secret once, and a session has no credential to seal it with).
/// <para>
/// Exactly once: a keyed request runs in one database transaction that takes the key, runs the
/// command (whose own transaction becomes a savepoint inside it), stores the rendered response under
/// the key and commits — and only then sends the response. A crash, a full disk or a lost database
/// before the commit leaves nothing, so a retry runs for the first time; after it, a retry replays.
/// 5xx and 429 are rolled back, so a retry runs again. The body is read before the transaction
/// begins and the response written after it ends, so a slow client never holds the write lock.
/// </para>
/// </summary>
public sealed partial class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock, AdminKey adminKey)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    // The keys this instance is running now: a twin arriving meanwhile is answered 409 at once. A twin
    // on another instance waits for the first's transaction instead (on the key's row, or for the
    // SQLite write lock) and then replays its response.
    private readonly ConcurrentDictionary<(string Scope, string Key), byte> _inFlight = new();

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;

        // The cheap checks first: most requests have no key, and their scope is never needed. They pass
        // straight on, without an async state machine of this layer's own.
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            || !request.Headers.TryGetValue(HeaderName, out var values)
            || ScopeOf(context.User) is not { } scope
            || context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is null
            || ConsolePaths.IsConsole(request))
        {
            return next(context);
        }

        return InvokeKeyedAsync(context, values, scope);
    }

    private async Task InvokeKeyedAsync(HttpContext context, Microsoft.Extensions.Primitives.StringValues values, string scope)
    {
        var request = context.Request;

        // Resolved only for keyed requests: every other request would make a store it never uses.
        var unitOfWork = context.RequestServices.GetRequiredService<IUnitOfWork>();
        var store = context.RequestServices.GetRequiredService<IIdempotencyStore>();
        var body = await JsonBodyReader.ReadAsync(context);
        var key = values.ToString();
        if (values.Count != 1 || !SaneKey().IsMatch(key))
        {
            if (body is { Ok: false })
            {
                // The body's own error comes first in the check order; the action answers it.
                await next(context);
                return;
            }

            await ApiErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError, "The request has invalid fields",
                new Dictionary<string, string[]> { [HeaderName] = [$"{HeaderName} must be 1 to 255 printable ASCII characters"] });
            return;
        }

        if (!_inFlight.TryAdd((scope, key), 0))
        {
            await WriteInUseAsync(context);
            return;
        }

        var fingerprint = Fingerprint(request, body?.Raw ?? []);
        var clientGone = context.RequestAborted;

        // Lookups in the outside world happen here, before the transaction and its write lock.
        if (body is { Ok: true } read && context.GetEndpoint()?.Metadata.GetOrderedMetadata<IKeyedRequestPrecheck>() is { Count: > 0 } prechecks)
        {
            try
            {
                foreach (var precheck in prechecks)
                {
                    await precheck.RunAsync(context, read.Raw);
                }
            }
            catch
            {
                _inFlight.TryRemove((scope, key), out _);
                throw;
            }
        }

        Outcome outcome;
        try
        {
            outcome = await RunOnceAsync(context, unitOfWork, store, scope, key, fingerprint);
        }
        finally
        {
            context.RequestAborted = clientGone;
            _inFlight.TryRemove((scope, key), out _);
        }

        // The transaction has ended; the client gets its answer now, however slowly it reads.
        try
        {
            await (outcome switch
            {
                { Ran: { } bytes } => context.Response.Body.WriteAsync(bytes, clientGone).AsTask(),
                { Existing: { Response: not null } existing } => AnswerFromExistingAsync(context, existing, fingerprint, scope, key),
                { Existing: { } existing } when !SameFingerprint(existing, fingerprint) => WriteMismatchAsync(context),
                _ => WriteInUseAsync(context),
            });
        }
        catch (OperationCanceledException) when (clientGone.IsCancellationRequested)
        {
            // The client left; what it asked for is done and kept for its retry.
        }
    }

    /// <summary>What a keyed request came to: it ran (the bytes to send), or the key was already taken.</summary>
    private readonly record struct Outcome(ReadOnlyMemory<byte>? Ran, IdempotencyRecord? Existing);

    private async Task<Outcome> RunOnceAsync(HttpContext context, IUnitOfWork unitOfWork, IIdempotencyStore store, string scope, string key, string fingerprint)
    {
        // Once its transaction has begun, the request runs to its end whatever the client does: a
        // disconnect must not leave a command half-observed. The response is then simply not delivered.
        context.RequestAborted = CancellationToken.None;
        var original = context.Response.Body;
        var captured = new MemoryStream();
        await unitOfWork.BeginAsync(CancellationToken.None);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var existing = await store.FindAsync(scope, key, now, CancellationToken.None);
            if (existing is not null || !await store.TryTakeAsync(scope, key, fingerprint, now, now + Retention, CancellationToken.None))
            {
                // Taken already, or by another instance while this one waited for it.
                existing ??= await store.FindAsync(scope, key, now, CancellationToken.None);
                await unitOfWork.RollbackAsync(CancellationToken.None);
                return new Outcome(null, existing);
            }

            context.Response.Body = captured;
            await next(context);
            context.Response.Body = original;
            await KeepOrDiscardAsync(context, unitOfWork, store, scope, key, fingerprint, captured.ToArray());
            return new Outcome(captured.GetBuffer().AsMemory(0, (int)captured.Length), null);
        }
        catch
        {
            context.Response.Body = original;
            await unitOfWork.RollbackAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task KeepOrDiscardAsync(HttpContext context, IUnitOfWork unitOfWork, IIdempotencyStore store, string scope, string key, string fingerprint, byte[] bytes)
    {
        var status = context.Response.StatusCode;
        if (status >= 500 || status == StatusCodes.Status429TooManyRequests)
        {
            // Nothing worth replaying, and nothing of the command may stay: a retry runs again.
            await unitOfWork.RollbackAsync(CancellationToken.None);
            return;
        }

        var location = context.Response.Headers.Location.ToString();
        var response = new StoredResponse(status, context.Response.ContentType, location.Length > 0 ? location : null,
            Protect(context, key, bytes), context.TraceIdentifier, fingerprint);
        await store.SaveResponseAsync(scope, key, response, clock.GetUtcNow().UtcDateTime + Retention, CancellationToken.None);
        await unitOfWork.CommitAsync(CancellationToken.None);
    }

    private static Task WriteInUseAsync(HttpContext context) =>
        ApiErrors.WriteAsync(context, StatusCodes.Status409Conflict, ErrorCodes.IdempotencyKeyInUse,
            "A request with this Idempotency-Key is still being processed");

    private static Task WriteMismatchAsync(HttpContext context) =>
        ApiErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyMismatch,
            "This Idempotency-Key was used with a different request");

    private static bool SameFingerprint(IdempotencyRecord existing, string fingerprint) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(existing.Fingerprint), Encoding.ASCII.GetBytes(fingerprint));

    private async Task AnswerFromExistingAsync(HttpContext context, IdempotencyRecord existing, string fingerprint, string scope, string key)
    {
        if (!SameFingerprint(existing, fingerprint))
        {
            await WriteMismatchAsync(context);
            return;
        }

        var response = existing.Response!;

        // The body is the first response's, byte for byte, so the request id it names is the first one too.
        context.TraceIdentifier = response.RequestId;
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.Location is not null)
        {
            context.Response.Headers.Location = response.Location;
        }

        if (Unprotect(context, key, response.Body) is not { } body)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyMismatch,
                "This Idempotency-Key was used with another of your credentials");
            return;
        }

        context.Response.Headers[ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private string? ScopeOf(ClaimsPrincipal user) => user.Kind() switch
    {
        CredentialKinds.Environment or CredentialKinds.Staff when user is CallerPrincipal caller => caller.Partition,
        CredentialKinds.Environment => "env:" + user.FindFirstValue(TalkoverClaims.EnvironmentIdClaim),
        CredentialKinds.Staff => "staff:" + user.FindFirstValue(TalkoverClaims.StaffIdClaim),
        CredentialKinds.System => adminKey.ScopeName,
        _ => null,
    };

    // A staff credential's (see below), or an environment token's on an action whose response carries a secret
    // (a webhook's signing secret); an environment's other responses are kept as they are, replayable with any of its tokens.
    private static CredentialSecret? SealingSecret(HttpContext context)
    {
        if (context.Features.Get<CredentialSecret>() is { } secret)
        {
            return secret;
        }

        var header = context.Request.Headers.Authorization.ToString();
        return context.GetEndpoint()?.Metadata.GetMetadata<SealedResponseAttribute>() is not null
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? new CredentialSecret(header["Bearer ".Length..].Trim())
            : null;
    }

    // Staff responses can carry a freshly issued secret (a token, a key, a setup link), and no secret may
    // rest in the database: they are kept encrypted (AES-GCM) under a key derived from the credential the
    // caller presented and the idempotency key. The database holds only that credential's hash.
    private static byte[] Protect(HttpContext context, string key, byte[] body)
    {
        if (SealingSecret(context) is not { } secret)
        {
            return body;
        }

        using var aes = new AesGcm(secret.DeriveKey("idempotent-response", key), AesGcm.TagByteSizes.MaxSize);
        var sealedBody = new byte[12 + 16 + body.Length];
        var nonce = sealedBody.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(nonce, body, sealedBody.AsSpan(28), sealedBody.AsSpan(12, 16));
        return sealedBody;
    }

    /// <summary>The stored body, or null when it was sealed under another credential (the member's other key).</summary>
    private static byte[]? Unprotect(HttpContext context, string key, byte[] stored)
    {
        if (SealingSecret(context) is not { } secret)
        {
            return stored;
        }

        if (stored.Length < 28)
        {
            return null;
        }

        using var aes = new AesGcm(secret.DeriveKey("idempotent-response", key), AesGcm.TagByteSizes.MaxSize);
        var body = new byte[stored.Length - 28];
        try
        {
            aes.Decrypt(stored.AsSpan(0, 12), stored.AsSpan(28), stored.AsSpan(12, 16), body);
            return body;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    // Method, path with query, and the body's bytes as far as they were read (none when its
    // Content-Type is refused or it is over the size limit). A change in any of them is a different request.
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
