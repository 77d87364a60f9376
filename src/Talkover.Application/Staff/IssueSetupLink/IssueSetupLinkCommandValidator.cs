using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application.Staff.IssueSetupLink;

internal sealed class IssueSetupLinkCommandValidator : AbstractValidator<IssueSetupLinkCommand>
{
    public IssueSetupLinkCommandValidator() => RuleFor(x => x.StaffId).OfType("a valid UUID");
}
