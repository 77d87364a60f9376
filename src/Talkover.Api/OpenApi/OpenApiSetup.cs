using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.Idempotency;
using Talkover.Application.Abstractions;
using Talkover.Application.Agents;
using Talkover.Application.Common;
using Talkover.Application.Environments;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.ReleaseRequests;
using Talkover.Domain.Agents;
using Talkover.Domain.Common;
using Talkover.Domain.Environments;
using Talkover.Domain.PhoneNumbers;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Api.OpenApi;

/// <summary>
/// The OpenAPI document (/openapi/v1.json), built from the controllers' types: bodies and query
/// parameters from their records, summaries and descriptions from their XML comments, operation ids
/// from their route names. On top of that, what the types cannot say: the error codes each route can
/// answer, the headers every response carries, limits and allowed values (<see cref="FieldAttribute"/>),
/// and the credentials.
/// </summary>
public static class OpenApiSetup
{
    private const string TenantScheme = "environment_token";
    private const string AdminScheme = "staff_key";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["PhoneNumbers"] = "An environment's phone numbers and the requests to release them (environment token).",
        ["Agents"] = "An environment's agents and the numbers they hold (environment token).",
        ["AdminEnvironments"] = "Environments, their tokens and their numbers, for support tooling and test harnesses (admin key).",
        ["AdminReleaseRequests"] = "The review queue across environments, and the decisions on it (admin key).",
        ["Health"] = "Whether the service and its database can serve (no credential).",
    };

    // Values a response field takes, said once by the domain; the DTOs live where the API's attributes cannot.
    private static readonly Dictionary<(Type Dto, string Field), IReadOnlyList<string>> ResponseValues = new()
    {
        [(typeof(ReleaseRequestDto), "status")] = ReleaseRequestStatus.All,
        [(typeof(ReleaseRequestHistoryDto), "from_status")] = ReleaseRequestStatus.All,
        [(typeof(ReleaseRequestHistoryDto), "to_status")] = ReleaseRequestStatus.All,
        [(typeof(AgentDto), "direction")] = AgentDirection.All,
        [(typeof(AgentDto), "language")] = AgentLanguages.All,
        [(typeof(AgentDto), "current_status")] = AgentStatus.All,
        [(typeof(AssignedAgentDto), "direction")] = AgentDirection.All,
        [(typeof(CreatedEnvironmentDto), "plan")] = Plans.All,
        [(typeof(PhoneNumberDto), "type")] = PhoneNumberTypes.All,
    };

    public static IServiceCollection AddTalkoverOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // A request field's schema is its value's, with its own limits: inline, never a shared component.
            var components = options.CreateSchemaReferenceId;
            options.CreateSchemaReferenceId = type => IsInput(type.Type) ? null : components(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                DescribeSchema((OpenApiSchema)schema, context);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeOperationAsync);
        });

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Talkover phone-number API",
            Version = "v1",
            Description = "Phone-number release workflow: customers ask to release numbers they no longer need, support staff review the requests. "
                + "Tenant routes take an environment token (Bearer talq_…); admin routes take the admin key. "
                + "Every error answers {success: false, message, code, errors?, request_id}; a path no route matches answers 404 NOT_FOUND, "
                + "and a route asked with a method it does not take answers 405 METHOD_NOT_ALLOWED.",
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Talkover-Proprietary" },
        };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = new HashSet<OpenApiTag>(
            TagDescriptions.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));

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
            Description = "A staff member's personal API key (tks_ followed by 43 base64url characters), or the bootstrap admin key (Admin__ApiKey, role admin).",
        };

        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, description, type) in Headers.All)
        {
            document.Components.Headers[name] = new OpenApiHeader
            {
                Description = description,
                Schema = new OpenApiSchema { Type = type },
            };
        }
    }

    private static bool IsInput(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Input<>);

    private static void DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        // Numbers are read and written only as numbers. (A field a response leaves out stays nullable in its
        // type, so a generated client can tell "no price" from 0.)
        if (schema.Type is { } declared
            && ((declared & ~JsonSchemaType.Null) == (JsonSchemaType.Integer | JsonSchemaType.String)
                || (declared & ~JsonSchemaType.Null) == (JsonSchemaType.Number | JsonSchemaType.String)))
        {
            schema.Type = declared & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        var type = context.JsonPropertyInfo?.PropertyType
            ?? (context.ParameterDescription is { } parameter && parameter.Source != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body
                ? parameter.ModelMetadata?.ModelType ?? parameter.Type
                : context.JsonTypeInfo.Type);
        if (IsInput(type))
        {
            DescribeValue(schema, type.GetGenericArguments()[0]);
        }
        else if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTime))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "date-time";
        }

        var field = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(FieldAttribute), inherit: true).OfType<FieldAttribute>().FirstOrDefault()
            ?? (context.JsonPropertyInfo is null ? (context.ParameterDescription?.ParameterDescriptor as ControllerParameterDescriptor)?.ParameterInfo.GetCustomAttribute<FieldAttribute>() : null);
        if (field is not null)
        {
            Limit(schema, field);
        }

        if (context.JsonPropertyInfo is null && IsRequestBody(type))
        {
            // Every field may be left out as far as the JSON goes; which ones a request needs, says its FieldAttribute.
            schema.Required = new HashSet<string>(context.JsonTypeInfo.Properties
                .Where(p => p.AttributeProvider?.GetCustomAttributes(typeof(FieldAttribute), true).OfType<FieldAttribute>().Any(f => f.Required) == true)
                .Select(p => p.Name));
        }
        else if (context.JsonPropertyInfo is { } property && property.PropertyType == typeof(string)
            && ResponseValues.FirstOrDefault(v => v.Key.Field == property.Name && v.Key.Dto.IsAssignableFrom(property.DeclaringType)).Value is { } values)
        {
            schema.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v!)];
        }

        // A request field left out, or sent as null, is "not sent": a generated client must be able to say so
        // instead of sending its own default (the first value of an enum, 0, 0001-01-01).
        if (context.JsonPropertyInfo is { } requestField && IsRequestBody(requestField.DeclaringType) && IsInput(requestField.PropertyType)
            && requestField.AttributeProvider?.GetCustomAttributes(typeof(FieldAttribute), true).OfType<FieldAttribute>().Any(f => f.Required) != true
            && schema.Type is { } optional)
        {
            schema.Type = optional | JsonSchemaType.Null;
            if (schema.Enum is { Count: > 0 } allowed)
            {
                allowed.Add(null!);
            }
        }
    }

    private static bool IsRequestBody(Type type) => type.IsNested && type.Name.EndsWith("Body", StringComparison.Ordinal);

    private static void DescribeValue(OpenApiSchema schema, Type valueType)
    {
        schema.Properties?.Clear();
        schema.Required?.Clear();
        (JsonSchemaType Type, string? Format) scalar = valueType switch
        {
            _ when valueType == typeof(bool) => (JsonSchemaType.Boolean, null),
            _ when valueType == typeof(int) => (JsonSchemaType.Integer, "int32"),
            _ when valueType == typeof(decimal) => (JsonSchemaType.Number, "double"),
            _ when valueType == typeof(Guid) => (JsonSchemaType.String, "uuid"),
            _ when valueType == typeof(DateOnly) => (JsonSchemaType.String, "date"),
            _ when valueType == typeof(IReadOnlyList<Guid>) => (JsonSchemaType.Array, null),
            _ => (JsonSchemaType.String, null),
        };
        schema.Type = scalar.Type;
        schema.Format = scalar.Format;
        schema.Items = scalar.Type == JsonSchemaType.Array ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" } : null;
    }

    private static void Limit(OpenApiSchema schema, FieldAttribute field)
    {
        if (field.MinLength >= 0)
        {
            schema.MinLength = field.MinLength;
        }

        if (field.MaxLength >= 0)
        {
            schema.MaxLength = field.MaxLength;
        }

        if (field.AllowedValues() is { } values)
        {
            schema.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v!)];
        }
    }

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var action = context.Description.ActionDescriptor;
        var metadata = action.EndpointMetadata;
        // The most demanding of the controller's and the action's policies (Viewer < Reviewer < Admin).
        var policy = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).LastOrDefault();
        var takesBody = context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body);
        var rateLimited = !metadata.OfType<Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute>().Any();
        var writes = context.Description.HttpMethod is "POST" or "PUT" or "PATCH";

        // Bodies are JSON in UTF-8, and every answer is JSON: other media types MVC could read or write are refused.
        if (operation.RequestBody is OpenApiRequestBody { Content: { } requestTypes })
        {
            foreach (var other in requestTypes.Keys.Where(type => type != "application/json").ToList())
            {
                requestTypes.Remove(other);
            }

            ((OpenApiRequestBody)operation.RequestBody).Description = null;
        }

        foreach (var content in (operation.Responses ?? []).Values.OfType<OpenApiResponse>().Select(r => r.Content).OfType<IDictionary<string, OpenApiMediaType>>())
        {
            foreach (var other in content.Keys.Where(type => type != "application/json").ToList())
            {
                content.Remove(other);
            }
        }

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case { } id when parameter.In == ParameterLocation.Path && id.EndsWith("_id", StringComparison.Ordinal):
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
                    parameter.Description = $"The {(id == "request_id" ? "release request" : id[..^3].Replace('_', ' '))}'s id.";
                    break;
                case "page":
                    parameter.Description = $"Page number, from 1 (default 1). `page × per_page` may reach {PageRequest.Window:N0} rows; further rows are read with `cursor`.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = PageRequest.Window.ToString(CultureInfo.InvariantCulture) };
                    break;
                case "cursor":
                    parameter.Description = "Reads the rows after a page: that page's `meta.next_cursor`, unchanged, with the same filters and without `page`. Reaches any depth at the same cost.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64 };
                    break;
                case "per_page":
                    parameter.Description = $"Items per page, 1–{PageRequest.MaxPerPage} (default {PageRequest.DefaultPerPage}).";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = PageRequest.MaxPerPage.ToString(CultureInfo.InvariantCulture) };
                    break;
            }
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = RequestIdMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Description = "Your id for this request (1–128 of A-Z a-z 0-9 . _ -), echoed back; one is made up when absent.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128 },
        });
        if (writes && policy is not null)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.HeaderName,
                In = ParameterLocation.Header,
                Description = "Makes a retry safe: the first response to this key is kept for 24 hours and replayed to the same request.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
            });
        }

        var errors = new List<(int Status, string Code)>();
        if (policy is not null)
        {
            errors.Add((StatusCodes.Status401Unauthorized, ErrorCodes.InvalidToken));
            errors.Add((StatusCodes.Status403Forbidden, ErrorCodes.Unauthorized));
            errors.Add((StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded));
            if (Policies.IsStaffPolicy(policy))
            {
                errors.Add((StatusCodes.Status403Forbidden, ErrorCodes.InsufficientRole));
                var who = policy == Policies.OwnRecordOrAdmin
                    ? "The member themselves, whatever their role, or the `admin` role."
                    : $"Needs the `{policy![Policies.StaffPrefix.Length..]}` role or above.";
                operation.Description = $"{operation.Description}\n\n{who}".TrimStart();
            }

            var scheme = Policies.IsStaffPolicy(policy) ? AdminScheme : TenantScheme;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
        }
        else
        {
            operation.Security = [];
        }

        if (takesBody)
        {
            errors.Add((StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson));
            errors.Add((StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge));
            errors.Add((StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType));
            errors.Add((StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError));
        }

        if (writes && policy is not null)
        {
            errors.Add((StatusCodes.Status409Conflict, ErrorCodes.IdempotencyKeyInUse));
            errors.Add((StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyMismatch));
        }

        errors.AddRange(metadata.OfType<ErrorCodeAttribute>().Select(e => (e.Status, e.Code)));
        errors.Add((StatusCodes.Status500InternalServerError, ErrorCodes.InternalError));
        errors.Add((StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable));

        const string errorSchemaId = nameof(ApiErrorEnvelope);
        if (context.Document?.Components?.Schemas?.ContainsKey(errorSchemaId) != true)
        {
            context.Document!.AddComponent<IOpenApiSchema>(errorSchemaId, await context.GetOrCreateSchemaAsync(typeof(ApiErrorEnvelope), null, cancellationToken));
        }

        var errorSchema = new OpenApiSchemaReference(errorSchemaId, context.Document);
        operation.Responses ??= new OpenApiResponses();
        foreach (var group in errors.GroupBy(e => e.Status).OrderBy(g => g.Key))
        {
            operation.Responses[group.Key.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = "code: " + string.Join(" | ", group.Select(e => e.Code).Distinct()),
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = errorSchema } },
            };
        }

        foreach (var (status, response) in operation.Responses.Select(r => (r.Key, (OpenApiResponse)r.Value)))
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var header in Headers.For(status, rateLimited, writes: writes && policy is not null, locates: metadata.OfType<LocationHeaderAttribute>().Any()))
            {
                response.Headers[header] = new OpenApiHeaderReference(header, context.Document);
            }
        }
    }

    /// <summary>The response headers, described once as components and referenced by every response that carries them.</summary>
    private static class Headers
    {
        public static readonly (string Name, string Description, JsonSchemaType Type)[] All =
        [
            (RequestIdMiddleware.HeaderName, "The request's id, as in the error body's request_id.", JsonSchemaType.String),
            ("X-RateLimit-Limit", "Requests allowed per minute for this credential.", JsonSchemaType.Integer),
            ("X-RateLimit-Remaining", "Requests left in the current minute.", JsonSchemaType.Integer),
            ("X-RateLimit-Reset", "Seconds until the current minute's window resets.", JsonSchemaType.Integer),
            ("Retry-After", "Seconds to wait before trying again.", JsonSchemaType.Integer),
            ("Location", "Where the resource just created can be read.", JsonSchemaType.String),
            (IdempotencyMiddleware.ReplayedHeader, "true when this is the kept first response to the request's Idempotency-Key.", JsonSchemaType.String),
        ];

        public static IEnumerable<string> For(string status, bool rateLimited, bool writes, bool locates)
        {
            yield return RequestIdMiddleware.HeaderName;
            if (rateLimited)
            {
                yield return "X-RateLimit-Limit";
                yield return "X-RateLimit-Remaining";
                yield return "X-RateLimit-Reset";
            }

            if (status == "429")
            {
                yield return "Retry-After";
            }

            if (status == "201" && locates)
            {
                yield return "Location";
            }

            if (writes && status is not ("401" or "403" or "429") && !status.StartsWith('5'))
            {
                yield return IdempotencyMiddleware.ReplayedHeader;
            }
        }
    }
}
