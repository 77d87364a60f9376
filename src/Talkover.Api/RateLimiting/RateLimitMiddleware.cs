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
/// <see cref="DisableRateLimitingAttribute"/> are never counted, nor is anything under the support console's
/// <c>/console</c> (its pages, its stylesheet, its error pages).
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, FixedWindowCounter counter, RateLimitOptions limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Health, the API description and the reference page: no flood of bad tokens makes a healthy node look down.
        // The console is for staff, not API clients, and must not be locked out by an API client's flood.
        if (context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null || ConsolePaths.IsConsole(context.Request))
        {
            await next(context);
            return;
        }

        var (key, limit) = PartitionFor(context.User, context, limits);
        var decision = counter.Acquire(key, limit);

        // Set when the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
            if (!decision.Allowed)
            {
                headers.RetryAfter = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        });

        if (!decision.Allowed)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
                $"Rate limit of {decision.Limit} requests per minute exceeded; retry in {decision.ResetSeconds} s");
            return;
        }

        await next(context);
    }

    private static (string Key, int Limit) PartitionFor(ClaimsPrincipal user, HttpContext context, RateLimitOptions limits) =>
        user.FindFirstValue(CredentialKinds.ClaimType) switch
        {
            CredentialKinds.Environment => ("env:" + user.FindFirstValue(TalkoverClaims.EnvironmentIdClaim), limits.ForPlan(user.FindFirstValue(TalkoverClaims.PlanClaim))),
            CredentialKinds.Staff => ("staff:" + user.FindFirstValue(TalkoverClaims.StaffIdClaim), limits.StaffPerMinute),
            CredentialKinds.System => ("system", limits.StaffPerMinute),
            _ => ("ip:" + context.Connection.RemoteIpAddress, limits.AnonymousPerMinute),
        };
}
