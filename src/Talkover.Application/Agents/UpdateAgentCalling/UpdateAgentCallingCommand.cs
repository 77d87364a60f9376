using Talkover.Application.Abstractions;

namespace Talkover.Application.Agents.UpdateAgentCalling;

/// <summary>Sets an agent's direction and, when <see cref="PhoneNumberIds"/> is sent, replaces its numbers (<c>[]</c> detaches all).</summary>
public sealed record UpdateAgentCallingCommand(Guid EnvironmentId, Input<Guid> AgentId, Input<string> Direction, Input<IReadOnlyList<Guid>> PhoneNumberIds)
    : ICommand<AgentDto>;
