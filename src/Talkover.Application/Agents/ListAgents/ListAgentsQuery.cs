using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Agents.ListAgents;

/// <summary>The environment's agents, newest first. <c>search</c> matches part of the name.</summary>
public sealed record ListAgentsQuery(Guid EnvironmentId, Input<string> Status, Input<string> Direction, Input<string> Search, PageRequest Page)
    : IQuery<Paged<AgentDto>>;
