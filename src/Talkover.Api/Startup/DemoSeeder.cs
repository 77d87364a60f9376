using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Agents.CreateAgent;
using Talkover.Application.Agents.UpdateAgentCalling;
using Talkover.Application.Environments.CreateEnvironment;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.ProvisionPhoneNumber;

namespace Talkover.Api.Startup;

/// <summary>
/// On an empty database: a demo environment, three numbers and one agent holding one of them, made
/// through the same commands the API uses. The token is printed once; only its hash is stored.
/// </summary>
public sealed class DemoSeeder(IMediator mediator, IEnvironmentRepository environments)
{
    public sealed record DemoData(string Token, Guid EnvironmentId, PhoneNumberDto FreeNumber, PhoneNumberDto AssignedNumber, Guid AgentId);

    public async Task<DemoData?> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await environments.AnyAsync(cancellationToken))
        {
            return null;
        }

        var environment = await mediator.Send(new CreateEnvironmentCommand("Demo environment", "standard"), cancellationToken);
        var free = await ProvisionAsync(environment.Id, "+15551234567", "US", cancellationToken);
        var assigned = await ProvisionAsync(environment.Id, "+15557654321", "US", cancellationToken);
        await ProvisionAsync(environment.Id, "+442079460123", "GB", cancellationToken);

        var agent = await mediator.Send(new CreateAgentCommand(environment.Id, "Front desk", "Demo", "en-US", "inbound"), cancellationToken);
        await mediator.Send(new UpdateAgentCallingCommand(environment.Id, agent.Id, "inbound", new List<Guid> { assigned.Id }), cancellationToken);

        return new DemoData(environment.Token, environment.Id, free, assigned, agent.Id);
    }

    private Task<PhoneNumberDto> ProvisionAsync(Guid environmentId, string number, string country, CancellationToken cancellationToken) =>
        mediator.Send(
            new ProvisionPhoneNumberCommand
            {
                EnvironmentId = environmentId,
                Number = number,
                CountryCode = country,
                HasVoice = true,
                HasSms = true,
                CurrentPrice = 1.15m,
                Currency = "USD",
                RenewalDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20),
                AutoRenewal = true,
            },
            cancellationToken);
}
