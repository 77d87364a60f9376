using Talkover.Application.Abstractions;

namespace Talkover.Application.Common;

/// <summary>
/// Which page a list query asks for: <c>page</c> from 1 and <c>per_page</c> 1–100 (default 20) inside the
/// first <see cref="Window"/> rows, or the rows after a <c>cursor</c> from an earlier page, at any depth.
/// </summary>
public sealed record PageRequest(Input<int> Page, Input<int> PerPage, Input<string> Cursor)
{
    public const int DefaultPerPage = 20;
    public const int MaxPerPage = 100;

    /// <summary>How many rows <c>page</c> and <c>per_page</c> reach; beyond them a list is read with <c>cursor</c>.</summary>
    public const int Window = 10_000;

    public PageRequest(Input<int> page, Input<int> perPage)
        : this(page, perPage, Input<string>.Missing)
    {
    }

    public static PageRequest Default => new(Input<int>.Missing, Input<int>.Missing);

    public int Number => Page.ValueOr(1);

    public int Size => PerPage.ValueOr(DefaultPerPage);

    public int Skip => (Number - 1) * Size;
}
