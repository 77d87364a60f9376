using System.Text.RegularExpressions;

namespace Talkover.Api.Http;

/// <summary>
/// Gives every request an id (the client's when it is sane, else a new one), echoed in
/// <c>X-Request-Id</c> and in error bodies, and sets the headers every response carries.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var sent = context.Request.Headers[HeaderName].ToString();
        context.TraceIdentifier = SaneId().IsMatch(sent) ? sent : Guid.NewGuid().ToString("N");

        context.Response.OnStarting(SetHeaders, context);
        return next(context);
    }

    // Static, with the context as its state: no closure or delegate is made per request.
    private static readonly Func<object, Task> SetHeaders = static state =>
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers[HeaderName] = context.TraceIdentifier;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return Task.CompletedTask;
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex SaneId();
}
