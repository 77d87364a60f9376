namespace Talkover.Api.ReviewConsole;

/// <summary>
/// Sets the console's security headers on every response under <see cref="ConsolePaths.Root"/> — pages,
/// assets and error pages alike. They are set when the response starts, so an error handler that clears
/// the response on its way does not lose them.
/// </summary>
public sealed class ConsoleHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (ConsolePaths.IsConsole(context.Request))
        {
            context.Response.OnStarting(SetHeaders, context);
        }

        return next(context);
    }

    private static readonly Func<object, Task> SetHeaders = static state =>
    {
        var headers = ((HttpContext)state).Response.Headers;
        headers.ContentSecurityPolicy = ConsolePaths.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return Task.CompletedTask;
    };
}
