using System.Buffers;
using System.Globalization;
using System.Text;

namespace Talkover.Api.Diagnostics;

/// <summary>
/// Values from a request (its path, say) as they may appear in a log line: control characters and line
/// separators written as <c>\uXXXX</c>, so no value can start a line of its own, and at most
/// <see cref="MaxLength"/> characters.
/// </summary>
public static class LogText
{
    public const int MaxLength = 256;

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')]);

    public static string Escape(string value)
    {
        var text = value.Length > MaxLength ? value[..MaxLength] + "…" : value;
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (Unsafe.Contains(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
