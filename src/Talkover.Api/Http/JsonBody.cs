using System.Globalization;
using System.Text.Json;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Http;

/// <summary>
/// A request body that is a JSON object, read by <see cref="JsonBodyReader"/>. Fields come out as
/// <see cref="Input{T}"/> so that a missing field and a field of the wrong type reach validation as such.
/// A JSON <c>null</c> counts as not sent.
/// </summary>
[JsonBodyBinder]
public sealed class JsonBody(JsonElement root)
{
    public static readonly JsonBody Empty = new(JsonDocument.Parse("{}").RootElement);

    public Input<string> String(string name) =>
        !TryGet(name, out var element) ? Input<string>.Missing
        : TextOf(element) is { } text ? text
        : Input<string>.WrongType;

    public Input<bool> Boolean(string name) =>
        !TryGet(name, out var element) ? Input<bool>.Missing
        : element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean()
        : Input<bool>.WrongType;

    public Input<decimal> Decimal(string name) =>
        !TryGet(name, out var element) ? Input<decimal>.Missing
        : element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value) ? value
        : Input<decimal>.WrongType;

    public Input<DateOnly> Date(string name) =>
        !TryGet(name, out var element) ? Input<DateOnly>.Missing
        : DateOnly.TryParseExact(TextOf(element), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : Input<DateOnly>.WrongType;

    public Input<IReadOnlyList<Guid>> UuidArray(string name)
    {
        if (!TryGet(name, out var element))
        {
            return Input<IReadOnlyList<Guid>>.Missing;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return Input<IReadOnlyList<Guid>>.WrongType;
        }

        var ids = new List<Guid>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (RouteIds.Parse(TextOf(item)) is not { IsProvided: true } id)
            {
                return Input<IReadOnlyList<Guid>>.WrongType;
            }

            ids.Add(id.Value);
        }

        return ids;
    }

    /// <summary>The string value, or null when the element is not a string a .NET string can hold (e.g. a lone surrogate escape).</summary>
    private static string? TextOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private bool TryGet(string name, out JsonElement element) =>
        root.TryGetProperty(name, out element) && element.ValueKind != JsonValueKind.Null;
}

/// <summary>Ids in routes and bodies: UUIDs in the 8-4-4-4-12 form, any letter case.</summary>
public static class RouteIds
{
    public static Input<Guid> Parse(string? text) =>
        Guid.TryParseExact(text, "D", out var id) ? id : Input<Guid>.WrongType;
}

/// <summary>
/// Binds <see cref="JsonBody"/> parameters with <see cref="JsonBodyModelBinder"/>. The binding source is
/// "special" (like CancellationToken), so the OpenAPI document does not list the body as a parameter;
/// it is described as the request body from <see cref="JsonBodyAttribute.Schema"/> instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class JsonBodyBinderAttribute : Microsoft.AspNetCore.Mvc.ModelBinderAttribute
{
    public JsonBodyBinderAttribute()
        : base(typeof(JsonBodyModelBinder))
    {
    }

    public override Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource BindingSource => Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Special;
}
