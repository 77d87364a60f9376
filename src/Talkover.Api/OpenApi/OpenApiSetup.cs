using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Talkover.Api.Authentication;
using Talkover.Api.Http;

namespace Talkover.Api.OpenApi;

/// <summary>
/// The OpenAPI document (/openapi/v1.json): every route with its body, the error codes it can
/// answer (from the route's credential, its body and its [ErrorCode] attributes) and its bearer scheme.
/// </summary>
public static class OpenApiSetup
{
    private const string TenantScheme = "environment_token";
    private const string AdminScheme = "admin_key";

    public static IServiceCollection AddTalkoverOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Talkover phone-number API",
                    Version = "v1",
                    Description = "Phone-number release workflow. Tenant routes take an environment token (Bearer talq_…); admin routes take the admin key. "
                        + "Every error answers {success: false, message, code, errors?, request_id}.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[TenantScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Environment token: talq_ followed by 43 base64url characters.",
                };
                document.Components.SecuritySchemes[AdminScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Admin key (Admin__ApiKey).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeOperationAsync);
        });

    private static void DescribePathIds(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path && p.Name!.EndsWith("_id", StringComparison.Ordinal)))
        {
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
        }
    }

    private static void DescribeQueryParameters(OpenApiOperation operation, IList<object> metadata)
    {
        var parameters = metadata.OfType<QueryParameterAttribute>().ToList();
        if (metadata.OfType<PagedAttribute>().Any())
        {
            parameters.Add(new QueryParameterAttribute("page", "integer", "Page number, from 1 (default 1)."));
            parameters.Add(new QueryParameterAttribute("per_page", "integer", "Items per page, 1–100 (default 20)."));
        }

        foreach (var parameter in parameters)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Required = false,
                Description = parameter.Description,
                Schema = parameter.Type == "uuid"
                    ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }
                    : new OpenApiSchema { Type = parameter.Type switch { "integer" => JsonSchemaType.Integer, "boolean" => JsonSchemaType.Boolean, _ => JsonSchemaType.String } },
            });
        }
    }

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policy = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
        var jsonBody = metadata.OfType<JsonBodyAttribute>().FirstOrDefault();

        if (jsonBody?.Schema is { } bodyType)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = jsonBody.Required,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(bodyType, null, cancellationToken) },
                },
            };
        }

        DescribePathIds(operation);
        DescribeQueryParameters(operation, metadata);

        var errors = new List<(int Status, string Code)>();
        if (policy is not null)
        {
            errors.Add((StatusCodes.Status401Unauthorized, ApiErrors.InvalidToken));
            errors.Add((StatusCodes.Status403Forbidden, ApiErrors.Unauthorized));
            errors.Add((StatusCodes.Status429TooManyRequests, ApiErrors.RateLimitExceeded));
            var scheme = policy == Policies.Admin ? AdminScheme : TenantScheme;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
        }

        if (jsonBody is not null)
        {
            errors.Add((StatusCodes.Status400BadRequest, ApiErrors.InvalidJson));
            errors.Add((StatusCodes.Status413PayloadTooLarge, ApiErrors.PayloadTooLarge));
            errors.Add((StatusCodes.Status415UnsupportedMediaType, ApiErrors.UnsupportedMediaType));
            errors.Add((StatusCodes.Status422UnprocessableEntity, ApiErrors.ValidationError));
            errors.Add((StatusCodes.Status409Conflict, ApiErrors.IdempotencyKeyInUse));
            errors.Add((StatusCodes.Status422UnprocessableEntity, ApiErrors.IdempotencyKeyMismatch));
        }

        errors.AddRange(metadata.OfType<ErrorCodeAttribute>().Select(e => (e.Status, e.Code)));
        errors.Add((StatusCodes.Status500InternalServerError, ApiErrors.InternalError));
        errors.Add((StatusCodes.Status503ServiceUnavailable, ApiErrors.ServiceUnavailable));

        const string errorSchemaId = nameof(ApiErrorEnvelope);
        if (context.Document?.Components?.Schemas?.ContainsKey(errorSchemaId) != true)
        {
            context.Document!.AddComponent<IOpenApiSchema>(errorSchemaId, await context.GetOrCreateSchemaAsync(typeof(ApiErrorEnvelope), null, cancellationToken));
        }

        var errorSchema = new OpenApiSchemaReference(errorSchemaId, context.Document);
        operation.Responses ??= new OpenApiResponses();
        foreach (var group in errors.GroupBy(e => e.Status).OrderBy(g => g.Key))
        {
            operation.Responses[group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = "code: " + string.Join(" | ", group.Select(e => e.Code).Distinct()),
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = errorSchema } },
            };
        }
    }
}
