using System.Net;
using System.Security.Claims;
using Talkover.Api.Authentication;
using Talkover.Api.ReviewConsole;

namespace Talkover.Api.RateLimiting;

/// <summary>
/// Which window a request counts against, and its size: an environment's by its plan, each staff member's
/// (and the bootstrap key's) at the staff limit, and requests without a valid credential per client address.
/// Console pages without a session (sign-in, setup) count per address in a bucket apart from the API's, so an
/// API client's flood of bad tokens cannot lock support staff out of the sign-in page.
/// </summary>
/// <param name="Key">The counter's name, shared by every instance (<c>env:…</c>, <c>staff:…</c>, <c>ip:…</c>).</param>
/// <param name="Limit">Requests per minute.</param>
/// <param name="Kind">The metric tag: <c>environment</c>, <c>staff</c> or <c>anonymous</c>.</param>
public readonly record struct RateLimitBucket(string Key, int Limit, string Kind)
{
    /// <summary>
    /// Paths never counted, matched by prefix so a route added under them later (a probe, the metrics
    /// scrape) is exempt from its first request, whatever endpoint metadata it carries: no flood of bad
    /// tokens can make a healthy node look down, or hide it from its dashboards.
    /// </summary>
    private static readonly PathString[] ExemptPaths =
    [
        "/api/v1/health",
        "/health",
        "/metrics",
        "/openapi",
        "/docs",
        ConsolePaths.Assets,
    ];

    public static bool IsExempt(HttpRequest request)
    {
        foreach (var path in ExemptPaths)
        {
            if (request.Path.StartsWithSegments(path))
            {
                return true;
            }
        }

        return false;
    }

    public static RateLimitBucket For(HttpContext context, RateLimitOptions limits) => context.User switch
    {
        // A token's or staff key's principal carries its partition, worked out once.
        CallerPrincipal { Kind: CredentialKinds.Environment } caller => new(caller.Partition, limits.ForPlan(caller.Plan), "environment"),
        CallerPrincipal { Kind: CredentialKinds.Staff } caller => new(caller.Partition, limits.StaffPerMinute, "staff"),
        var user => ByClaims(user, context, limits),
    };

    private static RateLimitBucket ByClaims(ClaimsPrincipal user, HttpContext context, RateLimitOptions limits) =>
        user.FindFirstValue(CredentialKinds.ClaimType) switch
        {
            CredentialKinds.Environment => new("env:" + user.FindFirstValue(TalkoverClaims.EnvironmentIdClaim), limits.ForPlan(user.FindFirstValue(TalkoverClaims.PlanClaim)), "environment"),
            CredentialKinds.Staff => new("staff:" + user.FindFirstValue(TalkoverClaims.StaffIdClaim), limits.StaffPerMinute, "staff"),
            CredentialKinds.System => new("system", limits.StaffPerMinute, "staff"),
            _ => new((ConsolePaths.IsConsole(context.Request) ? "console-ip:" : "ip:") + ClientAddress(context), limits.AnonymousPerMinute, "anonymous"),
        };

    /// <summary>The socket's address, or the client's as a trusted proxy forwarded it (ForwardedHeaders:KnownProxies).</summary>
    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        IPAddress address => address.ToString(),
    };
}
