using System.Text.RegularExpressions;

namespace Talkover.Api.Tests.Support;

/// <summary>What a test needs to post a console form over plain HTTP, as a browser would.</summary>
public static partial class ConsoleForms
{
    /// <summary>The antiforgery token of the first form on the page (empty when the page has none).</summary>
    public static string AntiforgeryToken(string html) => HiddenToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();
}
