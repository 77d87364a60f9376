using Talkover.Application.Abstractions;

namespace Talkover.Application.Common;

/// <summary>Which page a list query asks for: <c>page</c> from 1, <c>per_page</c> 1–100 (default 20).</summary>
public sealed record PageRequest(Input<int> Page, Input<int> PerPage)
{
    public const int DefaultPerPage = 20;
    public const int MaxPerPage = 100;
    public const int MaxPage = 1_000_000;

    public static PageRequest Default => new(Input<int>.Missing, Input<int>.Missing);

    public int Number => Page.ValueOr(1);

    public int Size => PerPage.ValueOr(DefaultPerPage);

    public int Skip => (Number - 1) * Size;
}
