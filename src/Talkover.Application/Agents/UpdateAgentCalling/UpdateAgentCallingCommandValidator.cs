using FluentValidation;
using Talkover.Application.Validation;
using Talkover.Domain.Agents;

namespace Talkover.Application.Agents.UpdateAgentCalling;

internal sealed class UpdateAgentCallingCommandValidator : AbstractValidator<UpdateAgentCallingCommand>
{
    public const int MaxPhoneNumbers = 100;

    public UpdateAgentCallingCommandValidator()
    {
        RuleFor(x => x.AgentId).OfType("a valid UUID");
        RuleFor(x => x.Direction).Cascade(CascadeMode.Stop).Present().OfType("a string").OneOf(AgentDirection.All);
        RuleFor(x => x.PhoneNumberIds).Cascade(CascadeMode.Stop).OfType("an array of UUIDs")
            .Meets(ids => ids.Count > MaxPhoneNumbers ? $"must not hold more than {MaxPhoneNumbers} ids" : null);
    }
}
