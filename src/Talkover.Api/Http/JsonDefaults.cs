using System.Text.Json;
using System.Text.Json.Serialization;

namespace Talkover.Api.Http;

/// <summary>snake_case, nulls omitted, timestamps without fractions: for responses and for the OpenAPI schemas alike.</summary>
public static class JsonDefaults
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new UtcTimestampConverter());
    }
}
