using System.Text.Encodings.Web;

namespace Talkover.Api.ReviewConsole;

/// <summary>
/// The HTML page the console answers for a bare status code (no such page, a refused form) or an
/// unexpected error, where the API would answer its JSON envelope. Written outside MVC, so it works
/// whatever failed; it mirrors the layout's frame (skip link, header, stylesheet) and says nothing
/// about the cause beyond the status.
/// </summary>
public static class ConsoleErrorPage
{
    public static async Task WriteAsync(HttpContext context, int status)
    {
        var (title, advice) = status switch
        {
            StatusCodes.Status400BadRequest => ("The form could not be accepted", "It may have expired. Go back, reload the page and try again."),
            StatusCodes.Status403Forbidden => ("You may not open this page", "Sign in with an account that has access."),
            StatusCodes.Status404NotFound => ("Page not found", "Check the address, or start again from the sign-in page."),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "Wait a minute, then try again."),
            StatusCodes.Status405MethodNotAllowed => ("Page not found", "Check the address, or start again from the sign-in page."),
            _ when status >= 500 => ("Something went wrong", "Nothing was changed by this page. Try again in a moment."),
            _ => ("The request could not be handled", "Start again from the sign-in page."),
        };

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = HtmlEncoder.Default;
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{html.Encode(title)}} – Talkover review console</title>
            <link rel="icon" href="{{ConsolePaths.Assets}}/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="{{ConsolePaths.Assets}}/console.css">
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="site-header"><div class="site-header__inner"><a class="site-header__product" href="{{ConsolePaths.Root}}/sign-in">Talkover review console</a></div></header>
            <main id="main" class="page" tabindex="-1">
            <h1>{{html.Encode(title)}}</h1>
            <p>{{html.Encode(advice)}}</p>
            <p class="muted">Error {{status}} · reference <code>{{html.Encode(context.TraceIdentifier)}}</code></p>
            <p><a href="{{ConsolePaths.Root}}/sign-in">Go to the sign-in page</a></p>
            </main>
            </body>
            </html>

            """, context.RequestAborted);
    }
}
