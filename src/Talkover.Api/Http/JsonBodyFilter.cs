using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Talkover.Api.Http;

/// <summary>
/// For an action with a <c>[FromBody]</c> parameter, reads the body (<see cref="JsonBodyReader"/>) before
/// anything else in MVC runs, and answers 415, 413 or 400 there, in the contract's order; the action
/// never starts. Registered for every action; those without a body, and those not of an <c>[ApiController]</c>
/// (the console's pages, which post forms), pass straight through.
/// </summary>
public sealed class JsonBodyFilter : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (!context.ActionDescriptor.EndpointMetadata.OfType<IApiBehaviorMetadata>().Any())
        {
            await next();
            return;
        }

        if (await JsonBodyReader.ReadAsync(context.HttpContext) is { Ok: false } failed)
        {
            context.Result = ApiErrors.Result(context.HttpContext, failed.Status, failed.Code!, failed.Message!);
            return;
        }

        await next();
    }
}
