using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Application.Staff;
using Talkover.Application.Staff.ChangePassword;
using Talkover.Application.Staff.CreateApiKey;
using Talkover.Application.Staff.ListApiKeys;
using Talkover.Application.Staff.RevokeApiKey;

namespace Talkover.Api.ReviewConsole;

/// <summary>The signed-in member's own account: their password and their personal API keys.</summary>
[Route("console/account")]
public sealed class AccountController(IMediator mediator) : SignedInController(mediator)
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await PageAsync(cancellationToken));

    /// <summary>A new password: the member's other sessions end; this one continues.</summary>
    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword([FromForm] PasswordForm form, CancellationToken cancellationToken)
    {
        if (form.NewPassword != form.Confirm)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(cancellationToken) with { ConfirmError = "The two new passwords are not the same" });
        }

        try
        {
            var staff = await Mediator.Send(new ChangeStaffPasswordCommand(User.StaffId()!.Value, form.CurrentPassword ?? "", form.NewPassword ?? ""), cancellationToken);
            if (staff is null)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View(nameof(Index), await PageAsync(cancellationToken) with { CurrentPasswordError = "Current password is incorrect. After five wrong passwords in a row, here or at sign-in, the account is locked for 15 minutes." });
            }

            await ConsoleAuthentication.SignInAsync(HttpContext, staff);
            return View(nameof(Index), await PageAsync(cancellationToken) with { Notice = "Password changed. Your other sessions have ended." });
        }
        catch (ValidationException ex)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(cancellationToken) with { NewPasswordError = FieldErrors.For(ex, "new_password") });
        }
    }

    [HttpPost("api-keys")]
    public async Task<IActionResult> CreateApiKey([FromForm] ApiKeyForm form, CancellationToken cancellationToken)
    {
        try
        {
            var key = await Mediator.Send(new CreateStaffApiKeyCommand(User.StaffId()!.Value, form.Name ?? "", Caller), cancellationToken);
            return View(nameof(Index), await PageAsync(cancellationToken) with { NewKey = key });
        }
        catch (ValidationException ex)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(cancellationToken) with { KeyNameError = FieldErrors.For(ex, "name"), KeyName = form.Name });
        }
    }

    [HttpPost("api-keys/{keyId:guid}/revoke")]
    public async Task<IActionResult> RevokeApiKey(Guid keyId, CancellationToken cancellationToken)
    {
        var key = await Mediator.Send(new RevokeStaffApiKeyCommand(User.StaffId()!.Value, keyId, Caller), cancellationToken);
        return View(nameof(Index), await PageAsync(cancellationToken) with { Notice = $"API key “{key.Name}” revoked." });
    }

    private async Task<AccountPage> PageAsync(CancellationToken cancellationToken) =>
        new(await Mediator.Send(new ListStaffApiKeysQuery(User.StaffId()!.Value, Caller), cancellationToken));
}

/// <summary>What the change-password form posts.</summary>
public sealed record PasswordForm
{
    public string? CurrentPassword { get; init; }

    public string? NewPassword { get; init; }

    public string? Confirm { get; init; }

    /// <summary>Never a password: MVC may log an action's arguments.</summary>
    public override string ToString() => $"{nameof(PasswordForm)} {{ … }}";
}

/// <summary>What the new-key form posts.</summary>
public sealed record ApiKeyForm
{
    public string? Name { get; init; }
}

/// <summary>The account page: the member's keys, a key just created (shown this once), and any message.</summary>
public sealed record AccountPage(IReadOnlyList<StaffApiKeyDto> Keys)
{
    public IssuedStaffApiKeyDto? NewKey { get; init; }

    public string? Notice { get; init; }

    public string? CurrentPasswordError { get; init; }

    public string? NewPasswordError { get; init; }

    public string? ConfirmError { get; init; }

    public string? KeyName { get; init; }

    public string? KeyNameError { get; init; }
}
