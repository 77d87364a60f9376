using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Talkover.Api.ReviewConsole;

/// <summary>Ends the session: the cookie is removed, and the next page asks for a sign-in.</summary>
[Route("console/sign-out")]
[AllowAnonymous]
public sealed class SignOutController : ConsoleControllerBase
{
    [HttpPost]
    public async Task<IActionResult> End()
    {
        await ConsoleAuthentication.SignOutAsync(HttpContext);
        return LocalRedirect(ConsolePaths.Root + "/sign-in");
    }
}
