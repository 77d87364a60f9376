using Microsoft.AspNetCore.Mvc;

namespace Talkover.Api.ReviewConsole;

/// <summary>
/// A page of the support review console: server-rendered HTML under <c>/console</c>. Every unsafe method
/// needs the antiforgery token the console's forms carry; the pages stay out of the API's OpenAPI document.
/// Not an <c>[ApiController]</c>, so none of the API's JSON body handling applies to its form posts.
/// </summary>
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public abstract class ConsoleControllerBase : Controller
{
}
