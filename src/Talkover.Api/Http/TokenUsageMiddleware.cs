using System.Collections.Concurrent;
using Talkover.Api.Authentication;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Http;

/// <summary>
/// Records when each environment token was last accepted, so support staff can tell a token in use
/// from a forgotten one before revoking it. The time is written after the response has left, to within
/// <see cref="Granularity"/>: a busy token costs one write a minute, and no request ever waits for it.
/// A failure to record (a busy or read-only database) is logged and otherwise ignored.
/// </summary>
public sealed partial class TokenUsageMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenUsageMiddleware> logger)
{
    public static readonly TimeSpan Granularity = TimeSpan.FromMinutes(1);

    // When this instance last recorded each token; spares the database a write the statement would skip anyway.
    private readonly ConcurrentDictionary<Guid, DateTime> _recorded = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (Guid.TryParse(context.User.FindFirst(TalkoverClaims.TokenIdClaim)?.Value, out var tokenId) && Claim(tokenId, clock.GetUtcNow().UtcDateTime) is { } usedAt)
        {
            context.Response.OnCompleted(() => RecordAsync(tokenId, usedAt));
        }

        return next(context);
    }

    /// <summary>The time to record, or null when this instance recorded the token less than <see cref="Granularity"/> ago.</summary>
    private DateTime? Claim(Guid tokenId, DateTime now)
    {
        if (_recorded.TryGetValue(tokenId, out var last))
        {
            return now - last >= Granularity && _recorded.TryUpdate(tokenId, now, last) ? now : null;
        }

        return _recorded.TryAdd(tokenId, now) ? now : null;
    }

    private async Task RecordAsync(Guid tokenId, DateTime usedAt)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var environments = scope.ServiceProvider.GetRequiredService<IEnvironmentRepository>();
            await environments.TouchTokenAsync(tokenId, usedAt, Granularity, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The next request tries again rather than waiting out the granularity.
            _recorded.TryRemove(KeyValuePair.Create(tokenId, usedAt));
            LogNotRecorded(logger, tokenId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the use of token {TokenId} ({Reason}); the next request will try again.")]
    private static partial void LogNotRecorded(ILogger logger, Guid tokenId, string reason);
}
