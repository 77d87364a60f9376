using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Talkover.Api.Http;

/// <summary>Timestamps go out as ISO 8601 UTC with <c>Z</c> and no fractional seconds: <c>2024-01-15T12:00:00Z</c>.</summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        // Formatted straight into UTF-8 on the stack: the same characters, without a string per timestamp.
        Span<byte> utf8 = stackalloc byte[32];
        if (value.ToUniversalTime().TryFormat(utf8, out var written, Format, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(utf8[..written]);
            return;
        }

        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
    }
}
