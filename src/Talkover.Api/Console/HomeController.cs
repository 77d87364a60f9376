using Microsoft.AspNetCore.Mvc;

namespace Talkover.Api.ReviewConsole;

/// <summary>The console's address. Until the review queue lives here, it leads to the sign-in page.</summary>
[Route("console")]
public sealed class HomeController : ConsoleControllerBase
{
    [HttpGet]
    public IActionResult Index() => Redirect("/console/sign-in");
}
