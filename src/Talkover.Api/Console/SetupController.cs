using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Application.Staff.CheckSetupLink;
using Talkover.Application.Staff.CompleteSetup;

namespace Talkover.Api.ReviewConsole;

/// <summary>
/// Where a new member (or one whose password was reset) opens their setup link and chooses a password.
/// The link works once, for 72 hours; choosing a password signs them in.
/// </summary>
[Route("console/setup")]
[AllowAnonymous]
public sealed class SetupController(IMediator mediator) : ConsoleControllerBase
{
    public const string UnusableLink = "This setup link has expired or was already used. Ask an admin for a new one.";

    /// <summary>
    /// The form, or at once why the link no longer works. The token is read from the query here rather
    /// than bound, so no argument log ever shows it.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var token = Request.Query["token"].ToString();
        if (!await mediator.Send(new CheckSetupLinkQuery(token), cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return View(new SetupPage(null, UnusableLink));
        }

        return View(new SetupPage(token));
    }

    [HttpPost]
    public async Task<IActionResult> Complete([FromForm] SetupForm form, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(form.Token))
        {
            return View(nameof(Index), new SetupPage(null, UnusableLink));
        }

        if (form.Password != form.Confirm)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), new SetupPage(form.Token, ConfirmError: "The two passwords are not the same"));
        }

        try
        {
            var staff = await mediator.Send(new CompleteStaffSetupCommand(form.Token, form.Password ?? ""), cancellationToken);
            if (staff is null)
            {
                Response.StatusCode = StatusCodes.Status410Gone;
                return View(nameof(Index), new SetupPage(null, UnusableLink));
            }

            await ConsoleAuthentication.SignInAsync(HttpContext, staff);
            return LocalRedirect(ConsolePaths.Root);
        }
        catch (ValidationException ex)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), new SetupPage(form.Token, PasswordError: FieldErrors.For(ex, "password")));
        }
    }
}

/// <summary>What the setup form posts: the link's token (kept in a hidden field) and the new password twice.</summary>
public sealed record SetupForm
{
    public string? Token { get; init; }

    public string? Password { get; init; }

    public string? Confirm { get; init; }

    /// <summary>Never the token or the password: MVC may log an action's arguments.</summary>
    public override string ToString() => $"{nameof(SetupForm)} {{ … }}";
}

/// <summary>The setup page: the form while the link may work, or why it does not.</summary>
public sealed record SetupPage(string? Token, string? Error = null, string? PasswordError = null, string? ConfirmError = null);
