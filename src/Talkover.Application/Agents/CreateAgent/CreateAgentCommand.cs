using Talkover.Application.Abstractions;

namespace Talkover.Application.Agents.CreateAgent;

public sealed record CreateAgentCommand(Guid EnvironmentId, Input<string> Name, Input<string> Label, Input<string> Language, Input<string> Direction)
    : ICommand<AgentDto>;
