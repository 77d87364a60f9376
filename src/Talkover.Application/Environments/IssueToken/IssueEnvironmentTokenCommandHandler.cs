using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Environments;

namespace Talkover.Application.Environments.IssueToken;

internal sealed class IssueEnvironmentTokenCommandHandler(IEnvironmentRepository environments, IAccessTokenService tokens, TimeProvider clock)
    : IRequestHandler<IssueEnvironmentTokenCommand, IssuedTokenDto>
{
    public async Task<IssuedTokenDto> Handle(IssueEnvironmentTokenCommand command, CancellationToken cancellationToken)
    {
        var environmentId = command.EnvironmentId.Value;
        await environments.EnsureExistsAsync(environmentId, cancellationToken);

        var issued = tokens.IssueEnvironmentToken();
        var token = new EnvironmentToken(Guid.CreateVersion7(), environmentId, issued.Hash, clock.GetUtcNow().UtcDateTime, null);
        await environments.AddTokenAsync(token, cancellationToken);
        return new IssuedTokenDto(token.Id, environmentId, issued.Secret, token.CreatedAt);
    }
}
