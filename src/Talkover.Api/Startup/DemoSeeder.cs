using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Agents.CreateAgent;
using Talkover.Application.Agents.UpdateAgentCalling;
using Talkover.Application.Environments.CreateEnvironment;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.ProvisionPhoneNumber;
using Talkover.Application.Staff.CompleteSetup;
using Talkover.Application.Staff.InviteStaffMember;
using Talkover.Domain.Staff;

namespace Talkover.Api.Startup;

/// <summary>
/// On an empty database: a demo environment, three numbers and one agent holding one of them, made
/// through the same commands the API uses, and an admin staff member for the console who "opened" their
/// setup link with a random password. The token and the password are printed once; only hashes are stored.
/// </summary>
public sealed class DemoSeeder(IMediator mediator, IEnvironmentRepository environments)
{
    public const string AdminEmail = "demo-admin@talkover.example";

    public sealed record DemoData(string Token, Guid EnvironmentId, PhoneNumberDto FreeNumber, PhoneNumberDto AssignedNumber, Guid AgentId, string AdminPassword);

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

        var admin = await mediator.Send(new InviteStaffMemberCommand(AdminEmail, "Demo Admin", StaffRole.Admin), cancellationToken);
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
        var setupToken = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(admin.SetupUrl).Query)["token"].ToString();
        await mediator.Send(new CompleteStaffSetupCommand(setupToken, password), cancellationToken);
        return new DemoData(environment.Token, environment.Id, free, assigned, agent.Id, password);
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
