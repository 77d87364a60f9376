using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Talkover.Api.Http;

/// <summary>
/// Binds a <c>[FromBody]</c> record from the bytes <see cref="JsonBodyFilter"/> has read and checked: its
/// <see cref="Application.Abstractions.Input{T}"/> fields keep "missing" and "wrong type" for validation
/// (<see cref="InputJsonConverterFactory"/>). An optional body that was not sent binds with every field missing.
/// </summary>
public sealed class JsonBodyModelBinder(JsonSerializerOptions json) : IModelBinder
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var http = bindingContext.HttpContext;
        var read = await JsonBodyReader.ReadAsync(http)
            ?? throw new InvalidOperationException("Only [FromBody] parameters are bound from the JSON body.");
        var bytes = read.Raw.Length == 0 ? EmptyObject : read.Raw;
        bindingContext.Result = ModelBindingResult.Success(JsonSerializer.Deserialize(bytes, bindingContext.ModelType, json));
    }
}

/// <summary>Chooses <see cref="JsonBodyModelBinder"/> for every <c>[FromBody]</c> parameter, ahead of MVC's input formatters.</summary>
public sealed class JsonBodyModelBinderProvider : IModelBinderProvider
{
    // The serializer options are the API's (MVC's JsonOptions), found once per parameter rather than per request.
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.BindingInfo.BindingSource == BindingSource.Body
            ? new JsonBodyModelBinder(context.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions)
            : null;
}
