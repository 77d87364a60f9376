using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Abstractions;
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
    // Whether an action is an [ApiController]'s never changes: it is looked up once per action.
    private static readonly ConditionalWeakTable<ActionDescriptor, object> ApiActions = new();
    private static readonly object Api = new();
    private static readonly object NotApi = new();

    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        // Actions without a body (every GET) and the console's pass straight on.
        var action = context.ActionDescriptor;
        if (!IsApi(action) || JsonBodyReader.BodyParameterOf(action) is null)
        {
            return next();
        }

        return ReadBodyFirstAsync(context, next);
    }

    private static bool IsApi(ActionDescriptor action) =>
        ApiActions.GetValue(action, static a => a.EndpointMetadata.OfType<IApiBehaviorMetadata>().Any() ? Api : NotApi) == Api;

    private static async Task ReadBodyFirstAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (await JsonBodyReader.ReadAsync(context.HttpContext) is { Ok: false } failed)
        {
            context.Result = ApiErrors.Result(context.HttpContext, failed.Status, failed.Code!, failed.Message!);
            return;
        }

        await next();
    }
}
