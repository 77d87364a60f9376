using System.Linq.Expressions;
using FluentValidation;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;

namespace Talkover.Application.Common;

public static class PagingRules
{
    /// <summary>
    /// Validates <c>page</c>, <c>per_page</c> and <c>cursor</c>, reported under those names: a page inside the
    /// first <see cref="PageRequest.Window"/> rows, and a cursor instead of a page number, not with one. <paramref name="page"/> must be a
    /// member of the query (<c>x => x.Page</c>): the rules then read <c>x.Page.Page</c> and <c>x.Page.PerPage</c>,
    /// plain member chains whose compiled accessors FluentValidation keeps. Any other expression would be
    /// compiled again each time a validator is made — once per request, validators being scoped.
    /// </summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Expression<Func<T, PageRequest>> page)
    {
        if (page.Body is not MemberExpression { Expression: ParameterExpression })
        {
            throw new ArgumentException("Name the query's PageRequest member, as in x => x.Page.", nameof(page));
        }

        var read = page.Compile();
        validator.RuleFor(Member<T, int>(page, nameof(PageRequest.Page))).Cascade(CascadeMode.Stop).OfType("an integer")
            .Meets((x, n) => n < 1 ? "must be at least 1" : PastWindow(read(x), n))
            .OverridePropertyName("page");
        validator.RuleFor(Member<T, int>(page, nameof(PageRequest.PerPage))).Cascade(CascadeMode.Stop).OfType("an integer")
            .Meets(n => n is >= 1 and <= PageRequest.MaxPerPage ? null : $"must be between 1 and {PageRequest.MaxPerPage}")
            .OverridePropertyName("per_page");
        validator.RuleFor(Member<T, string>(page, nameof(PageRequest.Cursor))).Cascade(CascadeMode.Stop).OfType("a string")
            .Meets((x, _) => read(x).Page.IsMissing ? null : "cannot be sent with page: a cursor already says where the page starts")
            .OverridePropertyName("cursor");
    }

    /// <summary>Why page <paramref name="number"/> is out of the window, or null (also when per_page is itself wrong).</summary>
    private static string? PastWindow(PageRequest request, int number)
    {
        if (!(request.PerPage.IsMissing || request.PerPage is { IsProvided: true, Value: >= 1 and <= PageRequest.MaxPerPage }))
        {
            return null;
        }

        var last = PageRequest.Window / request.Size;
        return number <= last ? null
            : $"must be at most {last} with per_page {request.Size}: pages reach the first {PageRequest.Window:N0} rows; read further with cursor (meta.next_cursor of a page)";
    }

    private static Expression<Func<T, Input<TValue>>> Member<T, TValue>(Expression<Func<T, PageRequest>> page, string property) =>
        Expression.Lambda<Func<T, Input<TValue>>>(Expression.Property(page.Body, property), page.Parameters);
}
