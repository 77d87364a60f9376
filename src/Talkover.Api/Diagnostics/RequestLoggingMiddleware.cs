using System.Diagnostics;
using System.Security.Claims;
using Talkover.Api.Authentication;

namespace Talkover.Api.Diagnostics;

/// <summary>
/// One line per request at Information once it has been answered: method, route template (the path only
/// when no route matched, escaped; never the query string, where a setup link carries its token), status,
/// duration, who called (environment or staff id) and the request id. Every line logged while the request
/// runs carries its request id and trace id in its scope.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var traceId = Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
        using var scope = logger.BeginScope(new RequestLogScope(context.TraceIdentifier, traceId));
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                Answered(
                    logger,
                    LogText.Escape(context.Request.Method),
                    RouteOf(context),
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    CallerOf(context.User),
                    context.TraceIdentifier);
            }
        }
    }

    [LoggerMessage(EventId = 1, EventName = "RequestAnswered", Level = LogLevel.Information,
        Message = "{Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms for {Caller} (request {RequestId})")]
    private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMs, string caller, string requestId);

    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template }
            ? (template.StartsWith('/') ? template : "/" + template)
            : LogText.Escape(context.Request.PathBase.Add(context.Request.Path).ToString());

    private static string CallerOf(ClaimsPrincipal user) => user.Kind() switch
    {
        CredentialKinds.Environment => "environment " + user.FindFirstValue(TalkoverClaims.EnvironmentIdClaim),
        CredentialKinds.Staff => "staff " + user.FindFirstValue(TalkoverClaims.StaffIdClaim),
        CredentialKinds.System => "system",
        _ => "anonymous",
    };
}
