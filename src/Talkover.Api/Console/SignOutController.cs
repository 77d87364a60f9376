using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Application.Staff.EndSessions;

namespace Talkover.Api.ReviewConsole;

/// <summary>
/// Ends the session: the member's session cookies stop working on the server (a copy of the cookie included,
/// and so their sessions in other browsers), the cookie is removed, and the next page asks for a sign-in.
/// </summary>
[Route("console/sign-out")]
[AllowAnonymous]
public sealed class SignOutController(IMediator mediator) : ConsoleControllerBase
{
    [HttpPost]
    public async Task<IActionResult> End(CancellationToken cancellationToken)
    {
        if (User.StaffId() is { } staffId)
        {
            await mediator.Send(new EndStaffSessionsCommand(staffId), cancellationToken);
        }

        await ConsoleAuthentication.SignOutAsync(HttpContext);
        return LocalRedirect(ConsolePaths.Root + "/sign-in");
    }
}
