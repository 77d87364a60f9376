using AutoMapper;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.PhoneNumbers;

namespace Talkover.Application.Agents.UpdateAgentCalling;

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
