using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Http;

/// <summary>
/// Binds a query-string parameter to <see cref="Input{T}"/>: absent or empty is "not sent", a value that
/// does not parse (or a repeated parameter) is "wrong type", so validation reports it on that field.
/// </summary>
public sealed class InputModelBinder(Func<string, object?> parse, object missing, object wrongType) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        bindingContext.Result = ModelBindingResult.Success(Read(bindingContext.ValueProvider, bindingContext.ModelName));
        return Task.CompletedTask;
    }

    /// <summary>The parameter <paramref name="name"/> as a boxed <see cref="Input{T}"/>.</summary>
    public object Read(IValueProvider valueProvider, string name)
    {
        var values = valueProvider.GetValue(name);
        return values.Length > 1 ? wrongType
            : values.Length == 0 || string.IsNullOrEmpty(values.FirstValue) ? missing
            : parse(values.FirstValue) ?? wrongType;
    }
}

/// <summary>Chooses <see cref="InputModelBinder"/> for <see cref="Input{T}"/> parameters outside the body.</summary>
public sealed class InputModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.ModelType;
        if (context.BindingInfo.BindingSource == BindingSource.Body || !type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Input<>))
        {
            return null;
        }

        return BinderFor(type.GetGenericArguments()[0]);
    }

    /// <summary>The binder of a query parameter read as <see cref="Input{T}"/> of <paramref name="valueType"/>.</summary>
    public static InputModelBinder BinderFor(Type valueType) =>
        valueType switch
        {
            var t when t == typeof(string) => Binder<string>(text => text),
            var t when t == typeof(bool) => Binder<bool>(text =>
                text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                : Input<bool>.WrongType),
            var t when t == typeof(int) => Binder<int>(text =>
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : Input<int>.WrongType),
            var t when t == typeof(Guid) => Binder<Guid>(RouteIds.Parse),
            // MVC's own binder would fall back to Input<T>'s type converter, which reads nothing: refuse loudly instead.
            var other => throw new NotSupportedException($"A query parameter of type Input<{other.Name}> has no reader; add one here."),
        };

    private static InputModelBinder Binder<T>(Func<string, Input<T>> parse) =>
        new(text => parse(text), Input<T>.Missing, Input<T>.WrongType);
}
