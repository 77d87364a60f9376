using System.Linq.Expressions;
using FluentValidation;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;

namespace Talkover.Application.Common;

public static class PagingRules
{
    /// <summary>
    /// Validates <c>page</c> and <c>per_page</c>, reported under those names. <paramref name="page"/> must be a
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

        validator.RuleFor(Member(page, nameof(PageRequest.Page))).Cascade(CascadeMode.Stop).OfType("an integer")
            .Meets(n => n is >= 1 and <= PageRequest.MaxPage ? null : $"must be between 1 and {PageRequest.MaxPage}")
            .OverridePropertyName("page");
        validator.RuleFor(Member(page, nameof(PageRequest.PerPage))).Cascade(CascadeMode.Stop).OfType("an integer")
            .Meets(n => n is >= 1 and <= PageRequest.MaxPerPage ? null : $"must be between 1 and {PageRequest.MaxPerPage}")
            .OverridePropertyName("per_page");
    }

    private static Expression<Func<T, Input<int>>> Member<T>(Expression<Func<T, PageRequest>> page, string property) =>
        Expression.Lambda<Func<T, Input<int>>>(Expression.Property(page.Body, property), page.Parameters);
}
