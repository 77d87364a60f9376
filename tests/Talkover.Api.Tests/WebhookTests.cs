using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>The webhooks resource: tenant scoped, at most 10, https and public addresses only, the secret shown once and kept only encrypted.</summary>
public sealed class WebhookTests : ApiTestBase
{
    private readonly CapturingLoggerProvider _logs = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Webhooks:DispatchIntervalSeconds"] = "0.2",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    private const string PublicUrl = "https://93.184.215.14/hooks";

    [Test]
    public async Task Create_ShowsTheSecretOnce_AndNeitherReadsNorTheDatabaseNorTheLogsHoldIt()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var created = (await Api.PostAsync("/api/v1/webhooks", environment.Token, new { url = PublicUrl, events = new[] { "release_request.approved" } }))
            .ExpectStatus(HttpStatusCode.Created);
        var id = created.Data["id"]!.GetValue<string>();
        var secret = created.Data["secret"]!.GetValue<string>();

        var read = (await Api.GetAsync($"/api/v1/webhooks/{id}", environment.Token)).ExpectStatus(HttpStatusCode.OK);
        var list = (await Api.GetAsync("/api/v1/webhooks", environment.Token)).ExpectStatus(HttpStatusCode.OK);
        await Api.CreatePendingRequestAsync(environment);

        Assert.Multiple(() =>
        {
            Assert.That(created.Data.Select(p => p.Key), Is.EqualTo(new[] { "id", "url", "events", "created_at", "secret" }));
            Assert.That(created.Header("Location"), Is.EqualTo($"/api/v1/webhooks/{id}"));
            Assert.That(secret, Does.Match("^whsec_[A-Za-z0-9+/]{43}=$"));
            Assert.That(Convert.FromBase64String(secret["whsec_".Length..]), Has.Length.EqualTo(32));
            Assert.That(read.Body, Does.Not.Contain(secret).And.Not.Contain("secret"));
            Assert.That(list.Body, Does.Not.Contain(secret));
            Assert.That(read.Data["events"]!.AsArray().Select(e => e!.GetValue<string>()), Is.EqualTo(new[] { "release_request.approved" }));
            Assert.That(DatabaseFileContains(secret), Is.False, "webhook secret in the database");
            Assert.That(_logs.Lines.Where(line => line.Contains(secret)), Is.Empty);
        });
    }

    [Test]
    public async Task Create_WithAnIdempotencyKey_ReplaysTheSecretOnlyToTheSameTokenAndNeverStoresItInTheClear()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var request = () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks")
            {
                Content = new StringContent($"{{\"url\": \"{PublicUrl}\"}}", System.Text.Encoding.UTF8, "application/json"),
            };
            message.Headers.Authorization = new("Bearer", environment.Token);
            message.Headers.Add("Idempotency-Key", "create-hook-1");
            return message;
        };

        var first = (await Api.SendAsync(request())).ExpectStatus(HttpStatusCode.Created);
        var replay = (await Api.SendAsync(request())).ExpectStatus(HttpStatusCode.Created);
        var secret = first.Data["secret"]!.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(replay.Body, Is.EqualTo(first.Body));
            Assert.That(replay.Header("Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(DatabaseFileContains(secret), Is.False, "the kept response is sealed");
        });
    }

    [Test]
    public async Task AnotherEnvironmentsWebhook_IsNotFound()
    {
        var owner = await Api.CreateEnvironmentAsync();
        var other = await Api.CreateEnvironmentAsync();
        var id = (await Api.PostAsync("/api/v1/webhooks", owner.Token, new { url = PublicUrl })).ExpectStatus(HttpStatusCode.Created).Data["id"]!.GetValue<string>();

        (await Api.GetAsync($"/api/v1/webhooks/{id}", other.Token)).ExpectError(HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
        (await Api.GetAsync($"/api/v1/webhooks/{id}/deliveries", other.Token)).ExpectError(HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
        (await Api.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{id}", other.Token)).ExpectError(HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
        (await Api.SendAsync(HttpMethod.Post, $"/api/v1/webhooks/{id}/deliveries/{Guid.NewGuid()}/retry", other.Token)).ExpectError(HttpStatusCode.NotFound, "WEBHOOK_NOT_FOUND");
        (await Api.SendAsync(HttpMethod.Post, $"/api/v1/webhooks/{id}/deliveries/{Guid.NewGuid()}/retry", owner.Token)).ExpectError(HttpStatusCode.NotFound, "DELIVERY_NOT_FOUND");
        (await Api.GetAsync("/api/v1/webhooks/not-a-uuid", owner.Token)).ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That((await Api.GetAsync("/api/v1/webhooks", other.Token)).Json["data"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task TheEleventhWebhook_IsRefusedOnUrl()
    {
        var environment = await Api.CreateEnvironmentAsync();
        for (var i = 0; i < 10; i++)
        {
            (await Api.PostAsync("/api/v1/webhooks", environment.Token, new { url = PublicUrl + i })).ExpectStatus(HttpStatusCode.Created);
        }

        var refused = (await Api.PostAsync("/api/v1/webhooks", environment.Token, new { url = PublicUrl })).ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        var list = (await Api.GetAsync("/api/v1/webhooks?per_page=3", environment.Token)).ExpectStatus(HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(refused.FieldErrors("url"), Has.Some.Contains("at most 10"));
            Assert.That(list.Json["meta"]!["total"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(list.Json["meta"]!["next_cursor"], Is.Not.Null);
        });
    }

    [TestCase("http://93.184.215.14/hooks", "https")]
    [TestCase("https://127.0.0.1/hooks", "loopback")]
    [TestCase("https://0x7f.1/hooks", "loopback")]
    [TestCase("https://[::ffff:127.0.0.1]/hooks", "loopback")]
    [TestCase("https://localhost/hooks", "loopback")]
    [TestCase("https://10.0.0.7/hooks", "private")]
    [TestCase("https://169.254.169.254/latest", "link-local")]
    [TestCase("https://100.64.0.1/hooks", "CGNAT")]
    [TestCase("https://0.0.0.0/hooks", "unspecified")]
    [TestCase("ftp://93.184.215.14/hooks", "https")]
    [TestCase("/relative", "https")]
    public async Task Create_WhenTheUrlMayNotBeReached_IsAValidationErrorOnUrl(string url, string reason)
    {
        var environment = await Api.CreateEnvironmentAsync();

        var refused = (await Api.PostAsync("/api/v1/webhooks", environment.Token, new { url })).ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");

        Assert.That(refused.FieldErrors("url"), Has.Some.Contains(reason));
    }

    [Test]
    public async Task Create_WithBadFields_ReportsEachAtOnce()
    {
        var environment = await Api.CreateEnvironmentAsync();

        var refused = (await Api.SendAsync(HttpMethod.Post, "/api/v1/webhooks", environment.Token, "{\"url\": 5, \"events\": [\"release_request.deleted\"], \"description\": 7}"))
            .ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");

        Assert.Multiple(() =>
        {
            Assert.That(refused.FieldErrors("url"), Is.Not.Empty);
            Assert.That(refused.FieldErrors("events"), Has.Some.Contains("unknown event type"));
            Assert.That(refused.FieldErrors("description"), Is.Not.Empty);
        });
    }
}
