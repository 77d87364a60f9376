using Microsoft.AspNetCore.Mvc.Filters;

namespace Talkover.Api.Http;

/// <summary>
/// The action takes a JSON object body, read by <see cref="JsonBodyReader"/> before anything else in MVC
/// runs; on 415/413/400 the action never starts. The body reaches the action as a <see cref="JsonBody"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonBodyAttribute(bool required = true) : Attribute, IAsyncResourceFilter
{
    /// <summary>The type the OpenAPI document shows as the body.</summary>
    public Type? Schema { get; init; }

    public bool Required => required;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var read = await JsonBodyReader.ReadAsync(context.HttpContext, required);
        if (!read.Ok)
        {
            context.Result = ApiErrors.Result(context.HttpContext, read.Status, read.Code!, read.Message!);
            return;
        }

        context.HttpContext.Features.Set(read.Body);
        await next();
    }
}

/// <summary>Binds a <see cref="JsonBody"/> action parameter to what <see cref="JsonBodyAttribute"/> read.</summary>
public sealed class JsonBodyModelBinder : Microsoft.AspNetCore.Mvc.ModelBinding.IModelBinder
{
    public Task BindModelAsync(Microsoft.AspNetCore.Mvc.ModelBinding.ModelBindingContext bindingContext)
    {
        var body = bindingContext.HttpContext.Features.Get<JsonBody>()
            ?? throw new InvalidOperationException("Actions that take a JsonBody need the [JsonBody] attribute.");
        bindingContext.Result = Microsoft.AspNetCore.Mvc.ModelBinding.ModelBindingResult.Success(body);
        return Task.CompletedTask;
    }
}
