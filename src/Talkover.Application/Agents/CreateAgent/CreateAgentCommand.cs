using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.Agents;

namespace Talkover.Application.Agents.CreateAgent;

public sealed record CreateAgentCommand(Guid EnvironmentId, Input<string> Name, Input<string> Label, Input<string> Language, Input<string> Direction)
    : ICommand<AgentDto>;

internal sealed class CreateAgentCommandValidator : AbstractValidator<CreateAgentCommand>
{
    public CreateAgentCommandValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(NameRules.Problem);
        RuleFor(x => x.Label).Cascade(CascadeMode.Stop).OfType("a string").Meets(NameRules.Problem);
        RuleFor(x => x.Language).Cascade(CascadeMode.Stop).OfType("a string").OneOf(AgentLanguages.All);
        RuleFor(x => x.Direction).Cascade(CascadeMode.Stop).OfType("a string").OneOf(AgentDirection.All);
    }
}

internal sealed class CreateAgentCommandHandler(IAgentRepository agents, IAgentQueries queries, IMapper mapper, TimeProvider clock)
    : IRequestHandler<CreateAgentCommand, AgentDto>
{
    public async Task<AgentDto> Handle(CreateAgentCommand command, CancellationToken cancellationToken)
    {
        var agent = Agent.CreateDraft(
            Guid.CreateVersion7(),
            command.EnvironmentId,
            command.Name.Value!.Trim(),
            command.Label.ValueOr(null)?.Trim(),
            command.Language.ValueOr(AgentLanguages.Default)!,
            command.Direction.ValueOr(AgentDirection.Inbound)!,
            clock.GetUtcNow().UtcDateTime);
        await agents.AddAsync(agent, cancellationToken);

        var model = await queries.GetAsync(command.EnvironmentId, agent.Id, cancellationToken)
            ?? throw new InvalidOperationException("An agent just created could not be read back.");
        return mapper.Map<AgentDto>(model);
    }
}
