using Talkover.Application.Abstractions;

namespace Talkover.Application.Environments.IssueToken;

public sealed record IssueEnvironmentTokenCommand(Input<Guid> EnvironmentId) : ICommand<IssuedTokenDto>;
