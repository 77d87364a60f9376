using Talkover.Application.Agents;
using Talkover.Application.Agents.ListAgents;
using Talkover.Application.Common;

namespace Talkover.Application.Abstractions;

public interface IAgentQueries
{
    Task<AgentReadModel?> GetAsync(Guid environmentId, Guid agentId, CancellationToken cancellationToken);

    /// <summary>A page of the environment's agents, newest first, with their numbers.</summary>
    Task<ListSlice<AgentReadModel>> ListAsync(
        Guid environmentId, AgentFilter filter, ListWindow window, CancellationToken cancellationToken);
}
