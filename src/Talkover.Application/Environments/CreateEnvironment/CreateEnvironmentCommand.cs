using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.Environments;

namespace Talkover.Application.Environments.CreateEnvironment;

public sealed record CreateEnvironmentCommand(Input<string> Name, Input<string> Plan) : ICommand<CreatedEnvironmentDto>;

internal sealed class CreateEnvironmentCommandValidator : AbstractValidator<CreateEnvironmentCommand>
{
    public CreateEnvironmentCommandValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(NameRules.Problem);
        RuleFor(x => x.Plan).Cascade(CascadeMode.Stop).OfType("a string").OneOf(Plans.All);
    }
}

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
