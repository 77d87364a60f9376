namespace Talkover.Application.Common;

/// <summary>
/// The rows a list query reads: <see cref="Take"/> rows after skipping <see cref="Skip"/> (a page inside the
/// window), or after <see cref="After"/> (a cursor's position, however deep). <see cref="RowsBefore"/>
/// counts the list's rows ahead of the first one read, for <c>current_page</c>.
/// </summary>
public sealed record ListWindow(int Skip, int Take, ListPosition? After, long RowsBefore)
{
    public static ListWindow For(PageRequest page, ListPosition? after) =>
        after is null ? new(page.Skip, page.Size, null, page.Skip) : new(0, page.Size, after, after.RowsBefore);
}

/// <summary>
/// A row's place in a list ordered by a timestamp and then by id: the last row of a page, which the next
/// page starts after. <see cref="RowsBefore"/> counts the rows up to and including it when it was read.
/// </summary>
public sealed record ListPosition(DateTime SortValue, Guid Id, long RowsBefore);

/// <summary>What a list holds: exact, or <see cref="PageRequest.Window"/> with <see cref="Capped"/> for a large filtered list.</summary>
public readonly record struct ListCount(long Total, bool Capped)
{
    /// <summary>A count read as "up to one past the window": past it, the list reads the window and says so.</summary>
    public static ListCount UpToWindow(long counted) =>
        counted > PageRequest.Window ? new(PageRequest.Window, true) : new(counted, false);
}

/// <summary>The rows read (at most <see cref="ListWindow.Take"/>), whether more follow them, and the list's count.</summary>
public sealed record ListSlice<T>(IReadOnlyList<T> Items, bool HasMore, ListCount Count);
