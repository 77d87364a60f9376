namespace Talkover.Application.Common;

/// <summary>One page of a list, and where it stands in the whole.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, PageMeta Meta);

public static class Paged
{
    /// <summary>
    /// The page of <paramref name="slice"/> read through <paramref name="window"/>, its rows mapped, with the cursor
    /// of the rows after it (<paramref name="keyOf"/> gives a row's position) bound to <paramref name="scope"/>.
    /// </summary>
    public static Paged<TDto> From<TRow, TDto>(
        ListSlice<TRow> slice,
        ListWindow window,
        string scope,
        Func<TRow, (DateTime SortValue, Guid Id)> keyOf,
        Func<IReadOnlyList<TRow>, IReadOnlyList<TDto>> map) =>
        new(map(slice.Items), PageMeta.For(window, slice.Count, ListCursor.Next(window, slice, scope, keyOf)));
}
