using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Application.Diagnostics;
using Talkover.Application.Staff.SignIn;

namespace Talkover.Api.ReviewConsole;

/// <summary>The console's sign-in page.</summary>
[Route("console/sign-in")]
[AllowAnonymous]
public sealed class SignInController(IMediator mediator, TalkoverMetrics metrics) : ConsoleControllerBase
{
    /// <summary>Said for any failed attempt, so the page never tells which accounts exist or are locked.</summary>
    public const string FailedMessage = "Email or password is incorrect. After five failed attempts in a row an account is locked for 15 minutes.";

    [HttpGet]
    public IActionResult Index([FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturn(returnUrl)) : View(new SignInPage(null, null, returnUrl));

    [HttpPost]
    public async Task<IActionResult> SignIn([FromForm] SignInForm form, [FromQuery(Name = "ReturnUrl")] string? returnUrl, CancellationToken cancellationToken)
    {
        StaffSignInResult result;
        try
        {
            result = await mediator.Send(new SignInStaffCommand(form.Email ?? "", form.Password ?? ""), cancellationToken);
        }
        catch (ValidationException)
        {
            result = StaffSignInResult.Failed;
        }

        if (!result.Succeeded)
        {
            metrics.AuthFailed(CredentialFailure.Password);
            return View(nameof(Index), new SignInPage(form.Email?.Trim(), FailedMessage, returnUrl));
        }

        await ConsoleAuthentication.SignInAsync(HttpContext, result.Staff!);
        return LocalRedirect(SafeReturn(returnUrl));
    }

    /// <summary>Back to the console page that asked for a sign-in; never to another site.</summary>
    private string SafeReturn(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(ConsolePaths.Root, StringComparison.Ordinal) ? returnUrl : ConsolePaths.Root;
}

/// <summary>What the sign-in form posts.</summary>
public sealed record SignInForm
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    /// <summary>Never the password: MVC may log an action's arguments.</summary>
    public override string ToString() => $"{nameof(SignInForm)} {{ Email = {Email} }}";
}

/// <summary>What the sign-in page shows: the email to keep in the field, the error, if any, and where to go next.</summary>
public sealed record SignInPage(string? Email, string? Error, string? ReturnUrl = null);
