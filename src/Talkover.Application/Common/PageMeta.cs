namespace Talkover.Application.Common;

public sealed record PageMeta(int CurrentPage, int PerPage, long Total, long LastPage)
{
    public static PageMeta For(PageRequest page, long total) =>
        new(page.Number, page.Size, total, Math.Max(1, (total + page.Size - 1) / page.Size));
}
