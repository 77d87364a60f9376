using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>No token and no admin key in any log line, at any level, on success or failure.</summary>
public sealed class SecretsTests : ApiTestBase
{
    private const string RequestLine = "Talkover.Api.Diagnostics.RequestLoggingMiddleware Information";

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
        Assert.That(lines, Has.Some.Contains(RequestLine), "the request lines are among the lines scanned");
        Assert.That(lines, Has.None.Contains(environment.Token).And.None.Contains(TalkoverApiFactory.AdminKey).And.None.Contains(guessed));
    }

    [Test]
    public async Task StaffSecrets_NeverReachALogLineOrTheDatabaseFile()
    {
        // An admin invites a member; the member opens the setup link and chooses a password in the console,
        // signs in again, and creates a personal API key that is then used and revoked.
        var invited = (await Api.PostAsync("/api/v1/admin/staff", TalkoverApiFactory.AdminKey, new { email = "ida@support.example", name = "Ida", role = "reviewer" }))
            .ExpectStatus(HttpStatusCode.Created);
        var staffId = invited.Data["id"]!.GetValue<string>();
        var setupUrl = invited.Data["setup_url"]!.GetValue<string>();
        var setupToken = setupUrl[(setupUrl.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        const string password = "a long and secret passphrase";

        var setupPage = await Api.Http.GetStringAsync(new Uri(setupUrl).PathAndQuery);
        var chosen = await Api.Http.PostAsync("/console/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = setupToken,
            ["Password"] = password,
            ["Confirm"] = password,
            ["__RequestVerificationToken"] = ConsoleForms.AntiforgeryToken(setupPage),
        }));
        Assert.That(await chosen.Content.ReadAsStringAsync(), Does.Contain("Signed in as"), "choosing a password signs the member in");
        var wrong = await Api.Http.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ida@support.example",
            ["Password"] = password + " but wrong",
            ["__RequestVerificationToken"] = ConsoleForms.AntiforgeryToken(await Api.Http.GetStringAsync("/console/sign-in")),
        }));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var key = (await Api.PostAsync($"/api/v1/admin/staff/{staffId}/api-keys", TalkoverApiFactory.AdminKey, new { name = "script" })).Data;
        var secretKey = key["key"]!.GetValue<string>();
        (await Api.GetAsync("/api/v1/admin/me", secretKey)).ExpectStatus(HttpStatusCode.OK);
        (await Api.SendAsync(HttpMethod.Delete, $"/api/v1/admin/staff/{staffId}/api-keys/{key["id"]}", TalkoverApiFactory.AdminKey)).ExpectStatus(HttpStatusCode.OK);
        (await Api.GetAsync("/api/v1/admin/me", secretKey)).ExpectStatus(HttpStatusCode.Unauthorized);

        var lines = _logs.Lines.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Contains("CompleteStaffSetupCommand"), "the setup ran through the logged pipeline; an empty log would prove nothing");
            Assert.That(lines, Has.Some.Contains(RequestLine + ": GET /console/setup answered 200"), "the setup page's request line names its route, not its link");
            Assert.That(lines.Where(line => line.Contains(setupToken) || line.Contains(password) || line.Contains(secretKey)), Is.Empty);
            Assert.That(DatabaseFileContains(setupToken), Is.False, "setup token");
            Assert.That(DatabaseFileContains(password), Is.False, "password");
            Assert.That(DatabaseFileContains(secretKey), Is.False, "staff API key");
        });
    }

}
