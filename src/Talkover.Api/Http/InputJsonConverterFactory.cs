using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Http;

/// <summary>
/// Reads a request body's <see cref="Input{T}"/> fields: absent or JSON <c>null</c> is "not sent", a
/// value of the wrong JSON type is "wrong type" (a 422 on that field, with every other field still
/// checked), anything else is the value. UUIDs are 8-4-4-4-12 in any letter case; dates are YYYY-MM-DD.
/// </summary>
public sealed class InputJsonConverterFactory : JsonConverterFactory
{
    private static readonly Dictionary<Type, Func<JsonConverter>> Converters = new()
    {
        [typeof(string)] = () => new InputConverter<string>(ReadString),
        [typeof(bool)] = () => new InputConverter<bool>(ReadBoolean),
        [typeof(decimal)] = () => new InputConverter<decimal>(ReadDecimal),
        [typeof(int)] = () => new InputConverter<int>(ReadInteger),
        [typeof(Guid)] = () => new InputConverter<Guid>(ReadUuid),
        [typeof(DateOnly)] = () => new InputConverter<DateOnly>(ReadDate),
        [typeof(IReadOnlyList<Guid>)] = () => new InputConverter<IReadOnlyList<Guid>>(ReadUuids),
        [typeof(IReadOnlyList<string>)] = () => new InputConverter<IReadOnlyList<string>>(ReadStrings),
    };

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Input<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.TryGetValue(typeToConvert.GetGenericArguments()[0], out var create)
            ? create()
            : throw new NotSupportedException($"A body field of type {typeToConvert} has no reader; add one here.");

    /// <summary>A reader of one value: the value, or "wrong type". It leaves the reader on the value's last token.</summary>
    private delegate Input<T> ValueReader<T>(ref Utf8JsonReader reader);

    private static Input<string> ReadString(ref Utf8JsonReader reader) => TextOf(ref reader) is { } text ? text : Input<string>.WrongType;

    private static Input<bool> ReadBoolean(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.True or JsonTokenType.False ? reader.GetBoolean() : Input<bool>.WrongType;

    private static Input<decimal> ReadDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : Input<decimal>.WrongType;

    private static Input<int> ReadInteger(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : Input<int>.WrongType;

    private static Input<Guid> ReadUuid(ref Utf8JsonReader reader) => RouteIds.Parse(TextOf(ref reader));

    private static Input<DateOnly> ReadDate(ref Utf8JsonReader reader) =>
        DateOnly.TryParseExact(TextOf(ref reader), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : Input<DateOnly>.WrongType;

    private static Input<IReadOnlyList<Guid>> ReadUuids(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Input<IReadOnlyList<Guid>>.WrongType;
        }

        var ids = new List<Guid>();
        var wrong = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!wrong && RouteIds.Parse(TextOf(ref reader)) is { IsProvided: true } id)
            {
                ids.Add(id.Value);
            }
            else
            {
                wrong = true;
                reader.Skip();
            }
        }

        return wrong ? Input<IReadOnlyList<Guid>>.WrongType : ids;
    }

    private static Input<IReadOnlyList<string>> ReadStrings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Input<IReadOnlyList<string>>.WrongType;
        }

        var texts = new List<string>();
        var wrong = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!wrong && TextOf(ref reader) is { } text)
            {
                texts.Add(text);
            }
            else
            {
                wrong = true;
                reader.Skip();
            }
        }

        return wrong ? Input<IReadOnlyList<string>>.WrongType : texts;
    }

    /// <summary>The string value, or null when the token is not a string a .NET string can hold (e.g. a lone surrogate escape).</summary>
    private static string? TextOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private sealed class InputConverter<T>(ValueReader<T> read) : JsonConverter<Input<T>>
    {
        public override bool HandleNull => true;

        public override Input<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return Input<T>.Missing;
            }

            var value = read(ref reader);
            if (!value.IsProvided && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, Input<T> value, JsonSerializerOptions options)
        {
            if (value.IsProvided)
            {
                JsonSerializer.Serialize(writer, value.Value, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
