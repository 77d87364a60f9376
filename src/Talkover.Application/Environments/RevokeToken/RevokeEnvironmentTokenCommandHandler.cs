using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Environments.RevokeToken;

internal sealed class RevokeEnvironmentTokenCommandHandler(IEnvironmentRepository environments, ICredentialCache credentials, TimeProvider clock)
    : IRequestHandler<RevokeEnvironmentTokenCommand, RevokedTokenDto>
{
    public async Task<RevokedTokenDto> Handle(RevokeEnvironmentTokenCommand command, CancellationToken cancellationToken)
    {
        var environmentId = command.EnvironmentId.Value;
        await environments.EnsureExistsAsync(environmentId, cancellationToken);

        var token = await environments.GetTokenAsync(environmentId, command.TokenId.Value, cancellationToken) ?? throw DomainErrors.TokenNotFound();
        if (token.RevokedAt is { } revokedAt)
        {
            return new RevokedTokenDto(token.Id, environmentId, token.CreatedAt, revokedAt);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        credentials.Forget();
        if (await environments.RevokeTokenAsync(token.Id, now, cancellationToken))
        {
            return new RevokedTokenDto(token.Id, environmentId, token.CreatedAt, now);
        }

        // Another revocation got there first: answer with its time, as for any second revocation.
        var stored = await environments.GetTokenAsync(environmentId, token.Id, cancellationToken);
        return new RevokedTokenDto(token.Id, environmentId, token.CreatedAt, stored?.RevokedAt ?? now);
    }
}
