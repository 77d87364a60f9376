using FluentValidation;
using MediatR;
using Talkover.Api.ReviewConsole;
using Talkover.Application;
using Talkover.Application.Abstractions;
using Talkover.Application.Staff.InviteStaffMember;
using Talkover.Domain.Common;
using Talkover.Infrastructure;

namespace Talkover.Api.Startup;

/// <summary>
/// <c>staff add --email E --name N --role R</c>: adds a staff member straight to the database and prints their
/// setup link once — how a fresh installation gets its first admin without the bootstrap key.
/// </summary>
public static class StaffCommandLine
{
    public const string Usage = "usage: staff add --email EMAIL --name NAME [--role viewer|reviewer|admin] (default admin)";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "staff";

    public static async Task<int> RunAsync(string[] args, TalkoverSettings settings, IConfiguration configuration)
    {
        if (args.Length < 2 || args[1] != "add" || !TryParse(args[2..], out var options))
        {
            Console.Error.WriteLine($"talkover: {Usage}");
            return 2;
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddApplication()
            .AddInfrastructure(settings.Database, settings.Webhooks)
            .AddSingleton<Application.Abstractions.IWebhookEventSerializer, Webhooks.WebhookEventSerializer>()
            .AddSingleton(configuration)
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddSingleton<IConsoleLinks, ConsoleLinks>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        try
        {
            var member = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new InviteStaffMemberCommand(options.GetValueOrDefault("email")!, options.GetValueOrDefault("name")!, options.GetValueOrDefault("role", "admin")));
            Console.WriteLine($"""
                Staff member {member.Email} ({member.Role}) added. Their setup link is shown this once only (single use, valid 72 hours):

                    {member.SetupUrl}

                """);
            return 0;
        }
        catch (ValidationException ex)
        {
            foreach (var failure in ex.Errors)
            {
                Console.Error.WriteLine($"talkover: --{failure.PropertyName} {failure.ErrorMessage}");
            }

            return 1;
        }
        catch (DomainException ex)
        {
            Console.Error.WriteLine($"talkover: {ex.Message}");
            return 1;
        }
    }

    private static bool TryParse(string[] args, out Dictionary<string, string> options)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || args[i] is not ("--email" or "--name" or "--role"))
            {
                return false;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options.ContainsKey("email") && options.ContainsKey("name");
    }
}
