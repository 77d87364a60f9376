using Talkover.Application.Abstractions;

namespace Talkover.Application.Agents.GetAgent;

public sealed record GetAgentQuery(Guid EnvironmentId, Input<Guid> AgentId) : IQuery<AgentDto>;
