using Talkover.Domain.Agents;

namespace Talkover.Application.Abstractions;

public interface IAgentRepository
{
    Task<Agent?> GetForUpdateAsync(Guid environmentId, Guid agentId, CancellationToken cancellationToken);

    Task AddAsync(Agent agent, CancellationToken cancellationToken);

    /// <summary>Stores the direction and, when <paramref name="numbersReplaced"/>, the assigned numbers.</summary>
    Task UpdateCallingAsync(Agent agent, bool numbersReplaced, CancellationToken cancellationToken);
}
