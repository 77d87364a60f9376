using AutoMapper;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.Agents;
using Talkover.Domain.Common;
using Talkover.Domain.PhoneNumbers;

namespace Talkover.Application.Agents.UpdateAgentCalling;

/// <summary>Sets an agent's direction and, when <see cref="PhoneNumberIds"/> is sent, replaces its numbers (<c>[]</c> detaches all).</summary>
public sealed record UpdateAgentCallingCommand(Guid EnvironmentId, Input<Guid> AgentId, Input<string> Direction, Input<IReadOnlyList<Guid>> PhoneNumberIds)
    : ICommand<AgentDto>;

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

internal sealed class UpdateAgentCallingCommandHandler(
    IAgentRepository agents,
    IPhoneNumberRepository phoneNumbers,
    IAgentQueries queries,
    IMapper mapper,
    TimeProvider clock) : IRequestHandler<UpdateAgentCallingCommand, AgentDto>
{
    public async Task<AgentDto> Handle(UpdateAgentCallingCommand command, CancellationToken cancellationToken)
    {
        var agent = await agents.GetForUpdateAsync(command.EnvironmentId, command.AgentId.Value, cancellationToken)
            ?? throw DomainErrors.AgentNotFound();

        IReadOnlyList<PhoneNumber>? numbers = null;
        if (command.PhoneNumberIds.IsProvided)
        {
            var ids = command.PhoneNumberIds.Value!.Distinct().ToArray();
            numbers = await phoneNumbers.GetManyForUpdateAsync(command.EnvironmentId, ids, cancellationToken);
            var unknown = ids.Except(numbers.Select(n => n.Id)).ToArray();
            if (unknown.Length != 0)
            {
                throw new ValidationException([
                    new ValidationFailure("phone_number_ids", "phone_number_ids contains unknown phone numbers: " + string.Join(", ", unknown))
                ]);
            }
        }

        agent.UpdateCalling(command.Direction.Value!, numbers, clock.GetUtcNow().UtcDateTime);
        await agents.UpdateCallingAsync(agent, numbers is not null, cancellationToken);

        var model = await queries.GetAsync(command.EnvironmentId, agent.Id, cancellationToken)
            ?? throw new InvalidOperationException("An agent just updated could not be read back.");
        return mapper.Map<AgentDto>(model);
    }
}
