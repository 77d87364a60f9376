using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.RateLimiting;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.ReviewConsole;
using Talkover.Domain.Common;

namespace Talkover.Api.RateLimiting;

/// <summary>
/// Counts every request against a window: an environment's by its plan, each staff member's (and the
/// bootstrap key's) at the staff limit, anonymous (or failed) credentials per client address.
/// Every response says where the caller stands; over the limit is 429 with Retry-After. Endpoints marked
/// <see cref="DisableRateLimitingAttribute"/> are never counted, nor are the console's assets. The console's
/// pages count too: a signed-in member's against their own limit (with their API keys), and pages without a
/// session (sign-in, setup) per client address in a bucket apart from the API's, so an API client's flood of
/// bad tokens cannot lock support staff out of the sign-in page, and guessing passwords is throttled.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, FixedWindowCounter counter, RateLimitOptions limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Health, the API description and the reference page: no flood of bad tokens makes a healthy node look down.
        if (context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null || context.Request.Path.StartsWithSegments(ConsolePaths.Assets))
        {
            return next(context);
        }

        var (key, limit) = PartitionFor(context.User, context, limits);
        var decision = counter.Acquire(key, limit);

        // Set when the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(SetHeaders, new Standing(context.Response, decision));

        if (!decision.Allowed && ConsolePaths.IsConsole(context.Request))
        {
            return ConsoleErrorPage.WriteAsync(context, StatusCodes.Status429TooManyRequests);
        }

        if (!decision.Allowed)
        {
            return ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
                $"Rate limit of {decision.Limit} requests per minute exceeded; retry in {decision.ResetSeconds} s");
        }

        return next(context);
    }

    /// <summary>What the response's headers will say; the one object a request's callback needs (no closure).</summary>
    private sealed record Standing(HttpResponse Response, FixedWindowCounter.Decision Decision);

    private static readonly Func<object, Task> SetHeaders = static state =>
    {
        var (response, decision) = (Standing)state;
        var headers = response.Headers;
        headers["X-RateLimit-Limit"] = Text(decision.Limit);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = Text(decision.ResetSeconds);
        if (!decision.Allowed)
        {
            headers.RetryAfter = Text(decision.ResetSeconds);
        }

        return Task.CompletedTask;
    };

    // The reset is 1 to 60 seconds, and a limit is one of a few configured numbers: their text is made once.
    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 61).Select(n => n.ToString(CultureInfo.InvariantCulture))];
    private static readonly ConcurrentDictionary<int, string> Limits = new();

    private static string Text(int value) =>
        (uint)value < (uint)SmallNumbers.Length ? SmallNumbers[value]
        : Limits.Count < 64 ? Limits.GetOrAdd(value, static v => v.ToString(CultureInfo.InvariantCulture))
        : value.ToString(CultureInfo.InvariantCulture);

    private static (string Key, int Limit) PartitionFor(ClaimsPrincipal user, HttpContext context, RateLimitOptions limits) => user switch
    {
        // A token's or staff key's principal carries its partition, worked out once.
        CallerPrincipal { Kind: CredentialKinds.Environment } caller => (caller.Partition, limits.ForPlan(caller.Plan)),
        CallerPrincipal { Kind: CredentialKinds.Staff } caller => (caller.Partition, limits.StaffPerMinute),
        _ => PartitionByClaims(user, context, limits),
    };

    private static (string Key, int Limit) PartitionByClaims(ClaimsPrincipal user, HttpContext context, RateLimitOptions limits) =>
        user.FindFirstValue(CredentialKinds.ClaimType) switch
        {
            CredentialKinds.Environment => ("env:" + user.FindFirstValue(TalkoverClaims.EnvironmentIdClaim), limits.ForPlan(user.FindFirstValue(TalkoverClaims.PlanClaim))),
            CredentialKinds.Staff => ("staff:" + user.FindFirstValue(TalkoverClaims.StaffIdClaim), limits.StaffPerMinute),
            CredentialKinds.System => ("system", limits.StaffPerMinute),
            _ => ((ConsolePaths.IsConsole(context.Request) ? "console-ip:" : "ip:") + context.Connection.RemoteIpAddress, limits.AnonymousPerMinute),
        };
}
