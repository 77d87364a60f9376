// The folder is Console/, but the namespace is not Talkover.Api.Console: a namespace of that name would
// hide System.Console from every other Talkover.Api namespace (Console.WriteLine would stop compiling).
namespace Talkover.Api.ReviewConsole;

/// <summary>Where the support review console lives: its pages, its assets, and the headers every one of its responses carries.</summary>
public static class ConsolePaths
{
    public static readonly PathString Root = "/console";

    /// <summary>The stylesheet (wwwroot/console/), served as plain files under this path.</summary>
    public static readonly PathString Assets = "/console/assets";

    /// <summary>
    /// Nothing but this origin's own files, no inline script or style, never framed. Forms are not
    /// covered by default-src; the console's only post to its own paths.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";

    public static bool IsConsole(HttpRequest request) => request.Path.StartsWithSegments(Root);
}
