using System.Text.Json;
using System.Text.Json.Serialization;

namespace Talkover.Api.Http;

/// <summary>
/// snake_case, nulls omitted, timestamps without fractions, request fields as <see cref="Application.Abstractions.Input{T}"/>:
/// for bodies, responses and the OpenAPI schemas alike.
/// </summary>
public static class JsonDefaults
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;

        // A body field is its exact snake_case name: "NAME" is an unknown field, ignored, not a second "name".
        options.PropertyNameCaseInsensitive = false;
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new InputJsonConverterFactory());
    }
}
