using Talkover.Application.Abstractions;

namespace Talkover.Application.Environments.CreateEnvironment;

public sealed record CreateEnvironmentCommand(Input<string> Name, Input<string> Plan) : ICommand<CreatedEnvironmentDto>;
