using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Environments;

namespace Talkover.Application.Environments.CreateEnvironment;

internal sealed class CreateEnvironmentCommandHandler(IEnvironmentRepository environments, IAccessTokenService tokens, TimeProvider clock)
    : IRequestHandler<CreateEnvironmentCommand, CreatedEnvironmentDto>
{
    public async Task<CreatedEnvironmentDto> Handle(CreateEnvironmentCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var environment = new TenantEnvironment(Guid.CreateVersion7(), command.Name.Value!.Trim(), command.Plan.ValueOr(Plans.Standard)!, now);
        await environments.AddAsync(environment, cancellationToken);

        var issued = tokens.IssueEnvironmentToken();
        var token = new EnvironmentToken(Guid.CreateVersion7(), environment.Id, issued.Hash, now, null);
        await environments.AddTokenAsync(token, cancellationToken);

        return new CreatedEnvironmentDto(environment.Id, environment.Name, environment.Plan, environment.CreatedAt, issued.Secret, token.Id);
    }
}
