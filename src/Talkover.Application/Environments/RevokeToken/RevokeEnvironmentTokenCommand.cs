using Talkover.Application.Abstractions;

namespace Talkover.Application.Environments.RevokeToken;

/// <summary>Revokes one of an environment's tokens; it is refused from the next request on. Revoking twice is harmless.</summary>
public sealed record RevokeEnvironmentTokenCommand(Input<Guid> EnvironmentId, Input<Guid> TokenId) : ICommand<RevokedTokenDto>;
