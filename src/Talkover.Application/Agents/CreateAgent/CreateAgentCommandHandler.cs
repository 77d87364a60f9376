using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Agents;

namespace Talkover.Application.Agents.CreateAgent;

internal sealed class CreateAgentCommandHandler(IAgentRepository agents, IAgentQueries queries, IMapper mapper, TimeProvider clock)
    : IRequestHandler<CreateAgentCommand, AgentDto>
{
    public async Task<AgentDto> Handle(CreateAgentCommand command, CancellationToken cancellationToken)
    {
        var agent = Agent.CreateDraft(
            Guid.CreateVersion7(),
            command.EnvironmentId,
            command.Name.Value!.Trim(),
            command.Label.ValueOr(null)?.Trim(),
            command.Language.ValueOr(AgentLanguages.Default)!,
            command.Direction.ValueOr(AgentDirection.Inbound)!,
            clock.GetUtcNow().UtcDateTime);
        await agents.AddAsync(agent, cancellationToken);

        var model = await queries.GetAsync(command.EnvironmentId, agent.Id, cancellationToken)
            ?? throw new InvalidOperationException("An agent just created could not be read back.");
        return mapper.Map<AgentDto>(model);
    }
}
