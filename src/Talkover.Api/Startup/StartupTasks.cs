namespace Talkover.Api.Startup;

/// <summary>
/// Runs once the server listens (the database was made ready before the host was built): creates the
/// demo data on an empty database and prints its token once. Not before: a start that fails to listen
/// (a port already in use) must not spend the token it could never have served.
/// </summary>
public sealed class StartupTasks(
    TalkoverSettings settings,
    IServiceScopeFactory scopes,
    IConfiguration configuration) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemoData)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var demo = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
        if (demo is null)
        {
            var startOver = settings.Database.SqliteFilePath is { } file
                ? $" To start over, stop the service and delete {file} (with its -wal and -shm files)."
                : "";
            Console.WriteLine("Demo data is already in the database; its token was printed on the first run."
                + " An admin can issue another: POST /api/v1/admin/environments/{environment_id}/tokens." + startOver);
            return;
        }

        var baseUrl = (configuration["urls"] ?? "http://127.0.0.1:5080").Split(';')[0].TrimEnd('/');
        Console.WriteLine($$"""

            Demo environment {{demo.EnvironmentId}} created. Its token is shown this once only:

                {{demo.Token}}

            Request the release of the free demo number {{demo.FreeNumber.Number}}:

            curl -i -X POST "{{baseUrl}}/api/v1/phone-numbers/{{demo.FreeNumber.Id}}/request-release" \
              -H "Authorization: Bearer {{demo.Token}}" \
              -H "Content-Type: application/json" \
              -d '{"reason": "We migrated outbound calling to a new toll-free number and no longer need this DID."}'

            {{demo.AssignedNumber.Number}} (id {{demo.AssignedNumber.Id}}) is held by agent {{demo.AgentId}}, so releasing it answers 422 PHONE_NUMBER_IN_USE.

            Review it in the console at {{baseUrl}}/console as the demo admin (password shown this once only):

                email     {{DemoSeeder.AdminEmail}}
                password  {{demo.AdminPassword}}

            """);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
