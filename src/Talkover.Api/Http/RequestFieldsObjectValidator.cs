using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Http;

/// <summary>
/// MVC's object validation, except for request fields: an <see cref="Input{T}"/>, or an object made only
/// of them (a <c>[FromBody]</c> record, <see cref="PageQuery"/>). Those carry no validation attributes and
/// are validated once, by FluentValidation in the MediatR pipeline; nothing reads the model state MVC would
/// record for them, so walking them on every request was work without a result. Everything else is
/// validated as MVC's default validator does.
/// </summary>
public sealed class RequestFieldsObjectValidator(IModelMetadataProvider metadataProvider, MvcOptions options)
    : ObjectModelValidator(metadataProvider, options.ModelValidatorProviders)
{
    private static readonly ConcurrentDictionary<Type, bool> RequestFieldTypes = new();

    public override ValidationVisitor GetValidationVisitor(
        ActionContext actionContext,
        IModelValidatorProvider validatorProvider,
        ValidatorCache validatorCache,
        IModelMetadataProvider metadataProvider,
        ValidationStateDictionary? validationState) =>
        new(actionContext, validatorProvider, validatorCache, metadataProvider, validationState)
        {
            MaxValidationDepth = options.MaxValidationDepth,
            ValidateComplexTypesIfChildValidationFails = options.ValidateComplexTypesIfChildValidationFails,
        };

    public override void Validate(ActionContext actionContext, ValidationStateDictionary? validationState, string? prefix, object? model, ModelMetadata metadata, object? container)
    {
        // A CancellationToken's binder marks it "suppress validation" anyway; skipping it here spares the walk's set-up.
        if (metadata.ModelType == typeof(CancellationToken) || IsRequestFields(metadata.ModelType))
        {
            return;
        }

        base.Validate(actionContext, validationState, prefix, model, metadata, container);
    }

    /// <summary>Whether the type is an <see cref="Input{T}"/>, or a class whose public properties are all request fields.</summary>
    public static bool IsRequestFields(Type type) => RequestFieldTypes.GetOrAdd(type, static t => Classify(t, depth: 0));

    private static bool Classify(Type type, int depth)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Input<>))
        {
            return true;
        }

        if (depth > 1 || !type.IsClass || type == typeof(string))
        {
            return false;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        return properties.Length != 0 && properties.All(p => p.GetIndexParameters().Length == 0 && Classify(p.PropertyType, depth + 1));
    }
}
