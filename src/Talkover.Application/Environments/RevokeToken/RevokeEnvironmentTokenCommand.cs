using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.Common;

namespace Talkover.Application.Environments.RevokeToken;

/// <summary>Revokes one of an environment's tokens; it is refused from the next request on. Revoking twice is harmless.</summary>
public sealed record RevokeEnvironmentTokenCommand(Input<Guid> EnvironmentId, Input<Guid> TokenId) : ICommand<RevokedTokenDto>;

public sealed record RevokedTokenDto(Guid Id, Guid EnvironmentId, DateTime CreatedAt, DateTime RevokedAt);

internal sealed class RevokeEnvironmentTokenCommandValidator : AbstractValidator<RevokeEnvironmentTokenCommand>
{
    public RevokeEnvironmentTokenCommandValidator()
    {
        RuleFor(x => x.EnvironmentId).OfType("a valid UUID");
        RuleFor(x => x.TokenId).OfType("a valid UUID");
    }
}

internal sealed class RevokeEnvironmentTokenCommandHandler(IEnvironmentRepository environments, TimeProvider clock)
    : IRequestHandler<RevokeEnvironmentTokenCommand, RevokedTokenDto>
{
    public async Task<RevokedTokenDto> Handle(RevokeEnvironmentTokenCommand command, CancellationToken cancellationToken)
    {
        var environmentId = command.EnvironmentId.Value;
        if (!await environments.ExistsAsync(environmentId, cancellationToken))
        {
            throw DomainErrors.EnvironmentNotFound();
        }

        var token = await environments.GetTokenAsync(environmentId, command.TokenId.Value, cancellationToken) ?? throw DomainErrors.TokenNotFound();
        if (token.RevokedAt is { } revokedAt)
        {
            return new RevokedTokenDto(token.Id, environmentId, token.CreatedAt, revokedAt);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await environments.RevokeTokenAsync(token.Id, now, cancellationToken);
        return new RevokedTokenDto(token.Id, environmentId, token.CreatedAt, now);
    }
}
