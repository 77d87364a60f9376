using System.Globalization;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Api.Http;

/// <summary>
/// Query-string parameters as <see cref="Input{T}"/>: absent or empty is "not sent", a value that does
/// not parse (or a repeated parameter) is "wrong type", so validation reports it on that field.
/// </summary>
public static class QueryInput
{
    public static Input<string> String(this IQueryCollection query, string name) =>
        Read(query, name, text => (true, text));

    public static Input<bool> Boolean(this IQueryCollection query, string name) =>
        Read(query, name, text => text.Equals("true", StringComparison.OrdinalIgnoreCase) ? (true, true)
            : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? (true, false)
            : (false, false));

    public static Input<int> Integer(this IQueryCollection query, string name) =>
        Read(query, name, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? (true, value) : (false, 0));

    public static Input<Guid> Uuid(this IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values.ToString())
            ? values.Count == 1 ? RouteIds.Parse(values.ToString()) : Input<Guid>.WrongType
            : Input<Guid>.Missing;

    public static PageRequest Page(this IQueryCollection query) => new(query.Integer("page"), query.Integer("per_page"));

    private static Input<T> Read<T>(IQueryCollection query, string name, Func<string, (bool Ok, T Value)> parse)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0 || string.IsNullOrEmpty(values.ToString()))
        {
            return Input<T>.Missing;
        }

        if (values.Count > 1)
        {
            return Input<T>.WrongType;
        }

        var (ok, value) = parse(values.ToString());
        return ok ? value : Input<T>.WrongType;
    }
}
