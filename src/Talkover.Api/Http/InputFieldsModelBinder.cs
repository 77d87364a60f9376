using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Http;

/// <summary>
/// Binds a query object whose every property is an <see cref="Input{T}"/> (<see cref="PageQuery"/>) in one
/// step: each property reads its query parameter as <see cref="InputModelBinder"/> reads a lone one, and the
/// object is made with all of them. MVC's object binder did the same through a nested binding scope, a
/// filtered value provider and a boxed setter call per property on every request.
/// </summary>
public sealed class InputFieldsModelBinder : IModelBinder
{
    private readonly Field[] _fields;
    private readonly Func<object?[], object> _create;

    private InputFieldsModelBinder(Field[] fields, Func<object?[], object> create)
    {
        _fields = fields;
        _create = create;
    }

    private sealed record Field(string Name, InputModelBinder Binder);

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = new object?[_fields.Length];
        for (var i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i];
            var name = bindingContext.ModelName.Length == 0 ? field.Name : ModelNames.CreatePropertyModelName(bindingContext.ModelName, field.Name);
            values[i] = field.Binder.Read(bindingContext.ValueProvider, name);
        }

        bindingContext.Result = ModelBindingResult.Success(_create(values));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The binder for a <c>[FromQuery]</c> parameter of a class whose public properties are all <see cref="Input{T}"/>,
    /// each settable and bound from the query; null for anything else, which MVC binds as before.
    /// </summary>
    public static InputFieldsModelBinder? For(ModelBinderProviderContext context)
    {
        var type = context.Metadata.ModelType;
        if (context.Metadata.MetadataKind != ModelMetadataKind.Parameter
            || context.BindingInfo.BindingSource != BindingSource.Query
            || !type.IsClass || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        if (properties.Length == 0 || type.GetCustomAttributes().Any(IsMvcAttribute))
        {
            return null;
        }

        var fields = new Field[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var source = property.GetCustomAttributes().OfType<IBindingSourceMetadata>().ToArray();
            if (!property.PropertyType.IsGenericType || property.PropertyType.GetGenericTypeDefinition() != typeof(Input<>)
                || property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length != 0
                || source.Length > 1 || (source.Length == 1 && source[0].BindingSource != BindingSource.Query)
                || property.GetCustomAttributes().Any(a => IsMvcAttribute(a) && a is not FromQueryAttribute)
                || property.GetCustomAttributes().OfType<IModelNameProvider>().FirstOrDefault()?.Name is "")
            {
                return null;
            }

            var name = property.GetCustomAttributes().OfType<IModelNameProvider>().FirstOrDefault()?.Name ?? property.Name;
            fields[i] = new Field(name, InputModelBinderProvider.BinderFor(property.PropertyType.GetGenericArguments()[0]));
        }

        return new InputFieldsModelBinder(fields, Creator(type, properties));
    }

    // Anything else of MVC's on the type or a property ([Bind], [BindRequired], [ModelBinder], …) is left to MVC's own binder.
    private static bool IsMvcAttribute(Attribute attribute) =>
        attribute.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal) == true;

    // new T { P0 = (Input<A>)values[0], P1 = (Input<B>)values[1], ... }, compiled once per type.
    private static Func<object?[], object> Creator(Type type, PropertyInfo[] properties)
    {
        var values = Expression.Parameter(typeof(object?[]), "values");
        var bindings = properties.Select((p, i) =>
            (MemberBinding)Expression.Bind(p, Expression.Unbox(Expression.ArrayIndex(values, Expression.Constant(i)), p.PropertyType)));
        var body = Expression.Convert(Expression.MemberInit(Expression.New(type), bindings), typeof(object));
        return Expression.Lambda<Func<object?[], object>>(body, values).Compile();
    }
}

/// <summary>Chooses <see cref="InputFieldsModelBinder"/> for query objects made only of <see cref="Input{T}"/> fields.</summary>
public sealed class InputFieldsModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) => InputFieldsModelBinder.For(context);
}
