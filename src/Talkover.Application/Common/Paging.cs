using FluentValidation;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;

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

/// <summary>One page of a list, and where it stands in the whole.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, PageMeta Meta);

public sealed record PageMeta(int CurrentPage, int PerPage, long Total, long LastPage)
{
    public static PageMeta For(PageRequest page, long total) =>
        new(page.Number, page.Size, total, Math.Max(1, (total + page.Size - 1) / page.Size));
}

public static class PagingRules
{
    /// <summary>Validates <c>page</c> and <c>per_page</c>, reported under those names.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, PageRequest> page)
    {
        validator.RuleFor(x => page(x).Page).Cascade(CascadeMode.Stop).OfType("an integer")
            .Meets(n => n is >= 1 and <= PageRequest.MaxPage ? null : $"must be between 1 and {PageRequest.MaxPage}")
            .OverridePropertyName("page");
        validator.RuleFor(x => page(x).PerPage).Cascade(CascadeMode.Stop).OfType("an integer")
            .Meets(n => n is >= 1 and <= PageRequest.MaxPerPage ? null : $"must be between 1 and {PageRequest.MaxPerPage}")
            .OverridePropertyName("per_page");
    }
}
