using FluentValidation;
using Talkover.Application.Common;
using Talkover.Application.Validation;

namespace Talkover.Application.Environments.ListEnvironments;

internal sealed class ListEnvironmentsQueryValidator : AbstractValidator<ListEnvironmentsQuery>
{
    public ListEnvironmentsQueryValidator()
    {
        RuleFor(x => x.Search).Cascade(CascadeMode.Stop).OfType("a string").SearchText();
        this.AddPagingRules(x => x.Page);
    }
}
