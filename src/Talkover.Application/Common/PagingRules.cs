using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Common;

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
