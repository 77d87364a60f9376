namespace Talkover.Application.Common;

/// <summary>
/// Where a page stands in its list. <see cref="Total"/> is exact, except for a filtered list of more than
/// <see cref="PageRequest.Window"/> rows, which reads the window with <see cref="TotalCapped"/> set.
/// <see cref="NextCursor"/> is there when more rows follow the page.
/// </summary>
public sealed record PageMeta(int CurrentPage, int PerPage, long Total, long LastPage, string? NextCursor = null, bool? TotalCapped = null)
{
    public static PageMeta For(PageRequest page, long total) =>
        new(page.Number, page.Size, total, LastPageOf(total, page.Size));

    /// <summary>The meta of a page read through a <see cref="ListWindow"/>.</summary>
    public static PageMeta For(ListWindow window, ListCount count, string? nextCursor) =>
        new(
            (int)Math.Min(int.MaxValue, window.RowsBefore / window.Take + 1),
            window.Take,
            count.Total,
            LastPageOf(count.Total, window.Take),
            nextCursor,
            count.Capped ? true : null);

    private static long LastPageOf(long total, int size) => Math.Max(1, (total + size - 1) / size);
}
