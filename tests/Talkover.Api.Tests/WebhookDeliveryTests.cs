using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>
/// Release notifications end to end: the built service as its own process, a receiver on loopback (allowed here by
/// Webhooks__AllowInsecureUrls and Webhooks__AllowPrivateNetworks), and a short retry schedule.
/// </summary>
[NonParallelizable]
public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private readonly List<string> _files = [];

    private static Dictionary<string, string> Settings => new()
    {
        ["Webhooks__AllowInsecureUrls"] = "true",
        ["Webhooks__AllowPrivateNetworks"] = "true",
        ["Webhooks__RetryScheduleSeconds"] = "1,4",
        ["Webhooks__DispatchIntervalSeconds"] = "0.5",
        ["Webhooks__LeaseSeconds"] = "15",
    };

    private string NewDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"talkover-webhooks-{Guid.NewGuid():N}.db");
        _files.Add(path);
        return $"Data Source={path}";
    }

    [TearDown]
    public void DeleteFiles()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in _files.SelectMany(p => new[] { p, p + "-wal", p + "-shm" }))
        {
            File.Delete(path);
        }

        _files.Clear();
    }

    private static async Task<(string Id, string Secret)> CreateWebhookAsync(ApiClient api, TestEnvironment environment, string url)
    {
        var created = (await api.PostAsync("/api/v1/webhooks", environment.Token, new { url, description = "tests" })).ExpectStatus(HttpStatusCode.Created);
        return (created.Data["id"]!.GetValue<string>(), created.Data["secret"]!.GetValue<string>());
    }

    [Test]
    public async Task EachTransition_DeliversTheDocumentedBodySignedWithinFiveSeconds()
    {
        await using var receiver = new WebhookReceiver();

        // Logged down to Debug (the dispatcher's and the HTTP client's lines included), for the secret scan at the end.
        await using var service = await RunningService.StartAsync(NewDatabase(), new Dictionary<string, string>(Settings) { ["Logging__LogLevel__Default"] = "Debug" });
        var api = service.Api;
        var environment = await api.CreateEnvironmentAsync();
        var (_, secret) = await CreateWebhookAsync(api, environment, receiver.Url);

        var cancelled = await api.CreatePendingRequestAsync(environment);
        await ExpectEventAsync(api, receiver, environment, secret, cancelled, "release_request.created");
        (await api.CancelAsync(environment, cancelled)).ExpectStatus(HttpStatusCode.OK);
        await ExpectEventAsync(api, receiver, environment, secret, cancelled, "release_request.cancelled");

        var approved = await api.CreatePendingRequestAsync(environment);
        await ExpectEventAsync(api, receiver, environment, secret, approved, "release_request.created");
        (await api.ApproveAsync(approved, "Checked with the customer.")).ExpectStatus(HttpStatusCode.OK);
        await ExpectEventAsync(api, receiver, environment, secret, approved, "release_request.approved");

        var rejected = await api.CreatePendingRequestAsync(environment);
        await ExpectEventAsync(api, receiver, environment, secret, rejected, "release_request.created");
        (await api.RejectAsync(rejected)).ExpectStatus(HttpStatusCode.OK);
        await ExpectEventAsync(api, receiver, environment, secret, rejected, "release_request.rejected");

        Assert.That(receiver.Received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(6), "one event per transition, each once");

        // Signing used the secret six times; no log line of the process holds it, whole or its key part.
        var logs = service.Process.Stdout + service.Process.Stderr;
        Assert.That(logs, Does.Contain("POST /api/v1/webhooks"), "the log was captured; an empty one would prove nothing");
        Assert.That(logs, Does.Not.Contain(secret).And.Not.Contain(secret["whsec_".Length..]));
    }

    private static async Task ExpectEventAsync(ApiClient api, WebhookReceiver receiver, TestEnvironment environment, string secret, string requestId, string type)
    {
        var received = (await receiver.WaitForAsync(1, Prompt, r => r.Body.Contains(requestId) && r.Body.Contains($"\"type\":\"{type}\"")))[0];
        var body = JsonNode.Parse(received.Body)!.AsObject();
        var request = (await api.GetAsync($"/api/v1/phone-numbers/release-requests/{requestId}", environment.Token)).ExpectStatus(HttpStatusCode.OK).Data;
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "id", "type", "created_at", "data" }), received.Body);
            Assert.That(body["id"]!.GetValue<string>(), Is.EqualTo(received.Id), "the body's id is the webhook-id");
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo(type));
            Assert.That(body["created_at"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
            Assert.That(JsonNode.DeepEquals(body["data"], request), Is.True, $"data is the request as the API shows it:\n{body["data"]}\n{request}");
            Assert.That(received.ContentType, Does.StartWith("application/json"));
            Assert.That(long.Parse(received.Timestamp), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(30));
            Assert.That(StandardWebhooksVerifier.Verify(secret, received.Id, received.Timestamp, received.Body, received.Signature), Is.True, "signature");
        });
    }

    [Test]
    public async Task AReceiverFailingTwice_GetsThreeAttemptsWithGrowingGaps_AndTheDeliveriesListShowsThem()
    {
        await using var receiver = new WebhookReceiver { Respond = n => n < 2 ? 500 : 200 };
        await using var service = await RunningService.StartAsync(NewDatabase(), Settings);
        var environment = await service.Api.CreateEnvironmentAsync();
        var (webhookId, _) = await CreateWebhookAsync(service.Api, environment, receiver.Url);

        await service.Api.CreatePendingRequestAsync(environment);
        var attempts = await receiver.WaitForAsync(3, TimeSpan.FromSeconds(20));

        var deliveries = (await service.Api.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries", environment.Token)).ExpectStatus(HttpStatusCode.OK);
        var delivery = deliveries.Json["data"]!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(attempts.Select(a => a.AnsweredStatus), Is.EqualTo(new[] { 500, 500, 200 }));
            Assert.That(attempts.Select(a => a.Id).Distinct().Count(), Is.EqualTo(1), "the same event each time");
            Assert.That(attempts[2].At - attempts[1].At, Is.GreaterThan(attempts[1].At - attempts[0].At), "the gaps grow");
            Assert.That(delivery["status"]!.GetValue<string>(), Is.EqualTo("delivered"));
            Assert.That(delivery["attempts"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(delivery["last_status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(delivery["event_type"]!.GetValue<string>(), Is.EqualTo("release_request.created"));
            Assert.That(delivery["event_id"]!.GetValue<string>(), Is.EqualTo(attempts[0].Id));
            Assert.That(delivery.ContainsKey("next_attempt_at"), Is.False);
            Assert.That(deliveries.Json["meta"]!["total"]!.GetValue<int>(), Is.EqualTo(1));
        });

        // Each attempt is counted by outcome (the last one once the dispatcher has recorded it).
        var metrics = "";
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(5) && !metrics.Contains("outcome=\"delivered\"", StringComparison.Ordinal); await Task.Delay(100))
        {
            metrics = await service.Api.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        Assert.That(metrics, Does.Match("talkover_webhooks_deliveries_total\\{[^}]*outcome=\"retrying\"[^}]*\\} 2\\b"));
        Assert.That(metrics, Does.Match("talkover_webhooks_deliveries_total\\{[^}]*outcome=\"delivered\"[^}]*\\} 1\\b"));
    }

    [Test]
    public async Task ARolledBackApproval_SendsNothing()
    {
        await using var receiver = new WebhookReceiver();
        var database = NewDatabase();
        await using var service = await RunningService.StartAsync(database, Settings);
        var environment = await service.Api.CreateEnvironmentAsync();
        await CreateWebhookAsync(service.Api, environment, receiver.Url);
        var number = await service.Api.ProvisionAsync(environment);
        var request = await service.Api.CreatePendingRequestAsync(environment, number);
        await receiver.WaitForAsync(1, Prompt);

        // The number was assigned in between (as if a rule had slipped): the approval is refused and rolled back.
        var agent = await service.Api.CreateAgentAsync(environment);
        await using (var connection = new SqliteConnection(database))
        {
            await connection.ExecuteAsync("INSERT INTO agent_phone_numbers (agent_id, phone_number_id) VALUES (@agent, @number)", new { agent, number });
        }

        (await service.Api.ApproveAsync(request)).ExpectError(HttpStatusCode.UnprocessableEntity, "PHONE_NUMBER_IN_USE");
        await Task.Delay(TimeSpan.FromSeconds(3));

        await using var check = new SqliteConnection(database);
        Assert.Multiple(async () =>
        {
            Assert.That(receiver.Received.Select(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "release_request.created" }));
            Assert.That(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_events WHERE type = 'release_request.approved'"), Is.Zero);
        });
    }

    [Test]
    public async Task ARecreatedWebhook_SignsWithItsNewSecret_AndTheOldOneNoLongerVerifies()
    {
        await using var receiver = new WebhookReceiver();
        await using var service = await RunningService.StartAsync(NewDatabase(), Settings);
        var environment = await service.Api.CreateEnvironmentAsync();
        var (oldId, oldSecret) = await CreateWebhookAsync(service.Api, environment, receiver.Url);
        (await service.Api.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{oldId}", environment.Token)).ExpectStatus(HttpStatusCode.NoContent);
        var (_, newSecret) = await CreateWebhookAsync(service.Api, environment, receiver.Url);

        await service.Api.CreatePendingRequestAsync(environment);
        var received = (await receiver.WaitForAsync(1, Prompt))[0];

        Assert.Multiple(() =>
        {
            Assert.That(newSecret, Is.Not.EqualTo(oldSecret));
            Assert.That(StandardWebhooksVerifier.Verify(newSecret, received.Id, received.Timestamp, received.Body, received.Signature), Is.True);
            Assert.That(StandardWebhooksVerifier.Verify(oldSecret, received.Id, received.Timestamp, received.Body, received.Signature), Is.False);
            Assert.That(receiver.Received, Has.Count.EqualTo(1), "the deleted webhook gets nothing");
        });
    }

    [Test]
    public async Task KilledWithUndeliveredEvents_DeliversEachAtLeastOnceAfterARestart()
    {
        await using var receiver = new WebhookReceiver { Respond = _ => 503 };
        var database = NewDatabase();
        await using var service = await RunningService.StartAsync(database, Settings);
        var environment = await service.Api.CreateEnvironmentAsync();
        await CreateWebhookAsync(service.Api, environment, receiver.Url);

        // 200 events (100 requests opened and cancelled) while the receiver refuses them all.
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
        {
            var request = await service.Api.CreatePendingRequestAsync(environment);
            (await service.Api.CancelAsync(environment, request)).ExpectStatus(HttpStatusCode.OK);
        });

        await service.Process.KillAsync();
        receiver.Respond = _ => 200;
        await service.KillAndRestartAsync();

        await using var connection = new SqliteConnection(database);
        var events = (await connection.QueryAsync<string>("SELECT id FROM webhook_events")).ToHashSet();
        Assert.That(events, Has.Count.EqualTo(200));
        var delivered = await receiver.WaitForAsync(200, TimeSpan.FromSeconds(60), r => r.AnsweredStatus == 200);
        var seen = delivered.Select(r => r.Id).ToHashSet();
        Assert.That(seen, Is.EquivalentTo(events), "deduplicated by webhook-id, the receiver sees every event exactly once");
    }

    [Test]
    public async Task TwoInstancesOnOneDatabase_SendNoEventTwiceInAThousand()
    {
        await using var receiver = new WebhookReceiver();
        var database = NewDatabase();
        await using var first = await RunningService.StartAsync(database, Settings);
        await using var second = await RunningService.StartAsync(database, Settings);
        var environment = await first.Api.CreateEnvironmentAsync();
        await CreateWebhookAsync(first.Api, environment, receiver.Url);
        var numbers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            numbers.Add(await first.Api.ProvisionAsync(environment));
        }

        // 500 requests opened and cancelled, through both instances in turn: 1,000 events.
        await Parallel.ForEachAsync(numbers, async (number, _) =>
        {
            for (var i = 0; i < 125; i++)
            {
                var api = i % 2 == 0 ? first.Api : second.Api;
                var request = (await api.RequestReleaseAsync(environment.Token, number)).ExpectStatus(HttpStatusCode.Created).Data["id"]!.GetValue<string>();
                (await api.CancelAsync(environment, request)).ExpectStatus(HttpStatusCode.OK);
            }
        });

        await receiver.WaitForAsync(1000, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var ids = receiver.Received.Select(r => r.Id).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(ids.Distinct().Count(), Is.EqualTo(1000));
            Assert.That(ids, Has.Length.EqualTo(1000), "no event sent twice");
        });
    }
}
