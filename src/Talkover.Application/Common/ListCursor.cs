using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using FluentValidation.Results;

namespace Talkover.Application.Common;

/// <summary>
/// The opaque <c>cursor</c> of a list: the position of a page's last row (its timestamp, its id, the rows up to
/// it) and a fingerprint of the list it came from — which list, whose rows, which filters. A cursor read back
/// for any other list, environment or filter set is refused on <c>cursor</c>, instead of quietly paging
/// through rows it was never about. It is not a secret: its position only says where to continue, and every
/// list is still scoped by the caller's own credential.
/// </summary>
public static class ListCursor
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 16 + 8 + FingerprintLength;
    private const int FingerprintLength = 8;

    public const string InvalidMessage = "is not a cursor of this list with these filters: pass the next_cursor of its previous page unchanged, with the same filters";

    /// <summary>
    /// The rows <paramref name="page"/> asks for: its page number inside the window, or the position its cursor
    /// holds when the cursor belongs to the list described by <paramref name="scope"/> (its name, owner and filters).
    /// </summary>
    /// <exception cref="ValidationException">The cursor is malformed or from another list.</exception>
    public static ListWindow Window(PageRequest page, string scope)
    {
        if (!page.Cursor.IsProvided)
        {
            return ListWindow.For(page, null);
        }

        return TryRead(page.Cursor.Value!, scope, out var position)
            ? ListWindow.For(page, position)
            : throw new ValidationException([new ValidationFailure("cursor", InvalidMessage)]);
    }

    /// <summary>What a cursor is bound to: a list's name and every value that picks its rows (owner, filters; null for any).</summary>
    public static string Scope(string list, params object?[] values) =>
        list + "\u001f" + string.Join('\u001f', values.Select(value => value switch
        {
            null => "",
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        }));

    /// <summary>The cursor of the rows after <paramref name="slice"/>, or null when none follow.</summary>
    public static string? Next<T>(ListWindow window, ListSlice<T> slice, string scope, Func<T, (DateTime SortValue, Guid Id)> keyOf)
    {
        if (!slice.HasMore || slice.Items.Count == 0)
        {
            return null;
        }

        var (sortValue, id) = keyOf(slice.Items[^1]);
        return Write(new ListPosition(sortValue, id, window.RowsBefore + slice.Items.Count), scope);
    }

    internal static string Write(ListPosition position, string scope)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], position.SortValue.Ticks);
        position.Id.TryWriteBytes(bytes.Slice(9, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(bytes[25..], position.RowsBefore);
        Fingerprint(scope, bytes[33..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    internal static bool TryRead(string cursor, string scope, out ListPosition position)
    {
        position = null!;
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (cursor.Length is < 1 or > 64 || !TryFromBase64Url(cursor, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[FingerprintLength];
        Fingerprint(scope, expected);
        if (!bytes.Slice(33, FingerprintLength).SequenceEqual(expected))
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        var rowsBefore = BinaryPrimitives.ReadInt64BigEndian(bytes[25..]);
        if (ticks is < 0 || ticks > DateTime.MaxValue.Ticks || rowsBefore < 0)
        {
            return false;
        }

        position = new ListPosition(new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes.Slice(9, 16), bigEndian: true), rowsBefore);
        return true;
    }

    private static bool TryFromBase64Url(string text, Span<byte> bytes, out int written)
    {
        written = 0;
        foreach (var character in text)
        {
            if (!(char.IsAsciiLetterOrDigit(character) || character is '-' or '_'))
            {
                return false;
            }
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        return Convert.TryFromBase64String(padded, bytes, out written);
    }

    private static void Fingerprint(string scope, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(scope), hash);
        hash[..FingerprintLength].CopyTo(destination);
    }
}
