using Microsoft.AspNetCore.Mvc;

namespace Talkover.Api.ReviewConsole;

/// <summary>The console's sign-in page.</summary>
[Route("console/sign-in")]
public sealed class SignInController : ConsoleControllerBase
{
    /// <summary>Said for any failed attempt, so the page never tells which accounts exist.</summary>
    public const string FailedMessage = "Email or password is incorrect";

    [HttpGet]
    public IActionResult Index() => View(new SignInPage(null, null));

    /// <summary>
    /// Staff accounts do not exist yet: every attempt fails the way a wrong password will, and the form
    /// comes back with the email kept and the password cleared.
    /// </summary>
    [HttpPost]
    public IActionResult SignIn([FromForm] SignInForm form) =>
        View(nameof(Index), new SignInPage(form.Email?.Trim(), FailedMessage));
}

/// <summary>What the sign-in form posts.</summary>
public sealed record SignInForm
{
    public string? Email { get; init; }

    public string? Password { get; init; }
}

/// <summary>What the sign-in page shows: the email to keep in the field, and the error, if any.</summary>
public sealed record SignInPage(string? Email, string? Error);
