using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>No token and no admin key in any log line, at any level, on success or failure.</summary>
public sealed class SecretsTests : ApiTestBase
{
    private readonly CapturingLoggerProvider _logs = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Talkover.Application.Behaviours"] = "Trace",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    [Test]
    public async Task Logs_NeverContainATokenOrTheAdminKey()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var number = await Api.ProvisionAsync(environment);
        (await Api.RequestReleaseAsync(environment.Token, number)).ExpectStatus(HttpStatusCode.Created);
        (await Api.RequestReleaseAsync(environment.Token, number)).ExpectStatus(HttpStatusCode.Conflict);
        var guessed = "talq_" + new string('A', 43);
        (await Api.RequestReleaseAsync(guessed, number)).ExpectStatus(HttpStatusCode.Unauthorized);
        (await Api.PostAsync("/api/v1/admin/environments", environment.Token, new { name = "x" })).ExpectStatus(HttpStatusCode.Forbidden);
        (await Api.SendAsync(HttpMethod.Post, $"/api/v1/admin/environments/{environment.Id}/tokens", TalkoverApiFactory.AdminKey)).ExpectStatus(HttpStatusCode.Created);

        var lines = _logs.Lines.ToArray();
        Assert.That(lines, Has.Some.Contains("Authorization"), "the service logs at Trace level here, down to the authorization steps; an empty log would prove nothing");
        Assert.That(lines, Has.None.Contains(environment.Token).And.None.Contains(TalkoverApiFactory.AdminKey).And.None.Contains(guessed));
    }
}
