using System.Collections.Concurrent;
using System.Security.Claims;
using Talkover.Api.Authentication;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Http;

/// <summary>
/// Records when each environment token and each staff API key was last accepted, so a credential in use
/// can be told from a forgotten one before it is revoked. The time is written after the response has
/// left, to within <see cref="Granularity"/>: a busy credential costs one write a minute, and no request
/// ever waits for it — a write that would have to wait for another is skipped and tried by a later request.
/// A failure to record (a database locked elsewhere, read-only or gone) is logged, and the credential's
/// use is not tried again until the granularity has passed.
/// </summary>
public sealed partial class CredentialUsageMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ILogger<CredentialUsageMiddleware> logger)
{
    public static readonly TimeSpan Granularity = TimeSpan.FromMinutes(1);

    // When this instance last recorded each credential; spares the database a write the statement would skip anyway.
    private readonly ConcurrentDictionary<(bool StaffKey, Guid Id), DateTime> _recorded = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (CredentialOf(context.User) is { } used && Claim(used, clock.GetUtcNow().UtcDateTime) is { } usedAt)
        {
            context.Response.OnCompleted(() => RecordAsync(used, usedAt));
        }

        return next(context);
    }

    /// <summary>The token or staff key the request presented, if any.</summary>
    private static (bool, Guid)? CredentialOf(ClaimsPrincipal user)
    {
        if (user is CallerPrincipal caller)
        {
            // Its ids were read once, when the credential was looked up.
            return caller.TokenId is { } token ? (false, token) : caller.StaffKeyId is { } key ? (true, key) : null;
        }

        return Guid.TryParse(user.FindFirst(TalkoverClaims.TokenIdClaim)?.Value, out var tokenId) ? (false, tokenId)
            : Guid.TryParse(user.FindFirst(TalkoverClaims.StaffKeyIdClaim)?.Value, out var keyId) ? (true, keyId)
            : null;
    }

    /// <summary>The time to record, or null when this instance recorded the credential less than <see cref="Granularity"/> ago.</summary>
    private DateTime? Claim((bool, Guid) credential, DateTime now)
    {
        if (_recorded.TryGetValue(credential, out var last))
        {
            return now - last >= Granularity && _recorded.TryUpdate(credential, now, last) ? now : null;
        }

        return _recorded.TryAdd(credential, now) ? now : null;
    }

    private async Task RecordAsync((bool StaffKey, Guid Id) credential, DateTime usedAt)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var recorded = credential.StaffKey
                ? await scope.ServiceProvider.GetRequiredService<IStaffCredentialRepository>().TouchApiKeyAsync(credential.Id, usedAt, Granularity, CancellationToken.None)
                : await scope.ServiceProvider.GetRequiredService<IEnvironmentRepository>().TouchTokenAsync(credential.Id, usedAt, Granularity, CancellationToken.None);
            if (!recorded)
            {
                // Another write had the turn: the next request tries again rather than waiting out the granularity.
                _recorded.TryRemove(KeyValuePair.Create(credential, usedAt));
            }
        }
        catch (Exception ex)
        {
            // The database is in trouble (locked elsewhere, read-only, gone): leave it alone for this
            // credential until the granularity has passed, rather than add a write to every request.
            LogNotRecorded(logger, credential.Id, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the use of credential {CredentialId} ({Reason}); trying again in a minute.")]
    private static partial void LogNotRecorded(ILogger logger, Guid credentialId, string reason);
}
