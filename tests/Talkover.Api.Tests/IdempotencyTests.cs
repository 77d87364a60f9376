using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Talkover.Api.Idempotency;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>Idempotency-Key on POST/PUT: replay, mismatch, in-flight, and what is (not) kept.</summary>
public sealed class IdempotencyTests : ApiTestBase
{
    private TestEnvironment _environment = null!;
    private string _number = null!;

    [SetUp]
    public async Task CreateEnvironment()
    {
        _environment = await Api.CreateEnvironmentAsync();
        _number = await Api.ProvisionAsync(_environment);
    }

    private Task<ApiResponse> PostWithKeyAsync(string path, string token, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return Api.SendAsync(request);
    }

    private Task<ApiResponse> RequestReleaseWithKeyAsync(string key, string reason = ApiClient.ValidReason) =>
        PostWithKeyAsync($"/api/v1/phone-numbers/{_number}/request-release", _environment.Token, $$"""{"reason": "{{reason}}"}""", key);

    [Test]
    public async Task SameKeySameRequest_ReplaysTheFirstResponseByteForByte()
    {
        var first = await RequestReleaseWithKeyAsync("release-1");
        var again = await RequestReleaseWithKeyAsync("release-1");

        first.ExpectStatus(HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Created), "not 409: the first response is replayed");
            Assert.That(again.Body, Is.EqualTo(first.Body));
            Assert.That(again.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(again.Header("Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(first.Header("Idempotent-Replayed"), Is.Null);
        });
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @number", new { number = _number }), Is.EqualTo(1));
    }

    [Test]
    public async Task SameKey_WhenFirstAnswerWasAnError_ReplaysThatError()
    {
        var agent = await Api.CreateAgentAsync(_environment);
        (await Api.SetCallingAsync(_environment, agent, _number)).ExpectStatus(HttpStatusCode.OK);
        var first = await RequestReleaseWithKeyAsync("in-use-1");
        (await Api.SetCallingAsync(_environment, agent)).ExpectStatus(HttpStatusCode.OK);

        var again = await RequestReleaseWithKeyAsync("in-use-1");

        first.ExpectError(HttpStatusCode.UnprocessableEntity, "PHONE_NUMBER_IN_USE");
        Assert.That((again.Status, again.Body), Is.EqualTo((first.Status, first.Body)));
    }

    [Test]
    public async Task SameKeyDifferentBody_Returns422Mismatch()
    {
        (await RequestReleaseWithKeyAsync("k-2")).ExpectStatus(HttpStatusCode.Created);

        var response = await RequestReleaseWithKeyAsync("k-2", "A different reason for the same key.");

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_MISMATCH");
    }

    [Test]
    public async Task SameKeyDifferentPath_Returns422Mismatch()
    {
        var otherNumber = await Api.ProvisionAsync(_environment);
        (await RequestReleaseWithKeyAsync("k-3")).ExpectStatus(HttpStatusCode.Created);

        var response = await PostWithKeyAsync($"/api/v1/phone-numbers/{otherNumber}/request-release", _environment.Token,
            $$"""{"reason": "{{ApiClient.ValidReason}}"}""", "k-3");

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_MISMATCH");
    }

    [Test]
    public async Task Keys_AreScopedPerEnvironment()
    {
        var other = await Api.CreateEnvironmentAsync();
        var othersNumber = await Api.ProvisionAsync(other);
        (await RequestReleaseWithKeyAsync("shared-key")).ExpectStatus(HttpStatusCode.Created);

        var response = await PostWithKeyAsync($"/api/v1/phone-numbers/{othersNumber}/request-release", other.Token,
            $$"""{"reason": "{{ApiClient.ValidReason}}"}""", "shared-key");

        response.ExpectStatus(HttpStatusCode.Created);
    }

    [Test]
    public async Task SimultaneousRequestsWithOneKey_RunOnceAndTheOthersAreInUseOrReplayed()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await RequestReleaseWithKeyAsync("burst");
        })).ToArray();
        start.SetResult();
        var responses = await Task.WhenAll(tasks);

        Assert.That(responses.Select(r => (r.Status, r.Code)),
            Is.All.Matches<(HttpStatusCode Status, string? Code)>(r => r.Status == HttpStatusCode.Created || (r.Status == HttpStatusCode.Conflict && r.Code == "IDEMPOTENCY_KEY_IN_USE")));
        Assert.That(responses.Count(r => r.Status == HttpStatusCode.Created && r.Header("Idempotent-Replayed") is null), Is.EqualTo(1));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @number", new { number = _number }), Is.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("tab\tinside")]
    [TestCase("del\u007fkey")]
    public async Task MalformedKey_Returns422(string key)
    {
        var response = await RequestReleaseWithKeyAsync(key);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors("Idempotency-Key"), Is.Not.Empty);
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @number", new { number = _number }), Is.Zero);
    }

    [Test]
    public async Task Replay_CarriesTheFirstRequestIdInHeaderAndBody()
    {
        var agent = await Api.CreateAgentAsync(_environment);
        (await Api.SetCallingAsync(_environment, agent, _number)).ExpectStatus(HttpStatusCode.OK);

        var first = await RequestReleaseWithKeyAsync("replay-id");
        var again = await RequestReleaseWithKeyAsync("replay-id");

        again.ExpectError(HttpStatusCode.UnprocessableEntity, "PHONE_NUMBER_IN_USE");
        Assert.That(again.Header("X-Request-Id"), Is.EqualTo(first.Header("X-Request-Id")));
    }

    [Test]
    public async Task KeyOnAnUnmatchedRouteOrWrongVerb_StillGetsTheEnvelope()
    {
        var noRoute = await PostWithKeyAsync("/api/v1/phone-numbers/nowhere/at/all", _environment.Token, "{}", "k-404");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/phone-numbers/{_number}/request-release") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _environment.Token);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "k-405");
        var wrongVerb = await Api.SendAsync(request);

        noRoute.ExpectError(HttpStatusCode.NotFound, "NOT_FOUND");
        wrongVerb.ExpectError(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Test]
    public async Task MalformedKey_WithABodyThatIsNotJson_Returns415First()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/phone-numbers/{_number}/request-release") { Content = new StringContent("reason", Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _environment.Token);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "bad\tkey");

        var response = await Api.SendAsync(request);

        response.ExpectError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Test]
    public async Task OverlongKey_Returns422()
    {
        var response = await RequestReleaseWithKeyAsync(new string('k', 256));

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
    }

    [Test]
    public async Task AdminCreateEnvironment_IsReplayedWithTheSameTokenButNoSecretRestsInTheDatabase()
    {
        var json = """{"name": "Idempotent tenant"}""";

        var first = await PostWithKeyAsync("/api/v1/admin/environments", TalkoverApiFactory.AdminKey, json, "env-create-1");
        var again = await PostWithKeyAsync("/api/v1/admin/environments", TalkoverApiFactory.AdminKey, json, "env-create-1");

        first.ExpectStatus(HttpStatusCode.Created);
        Assert.That((again.Status, again.Body, again.Header("Idempotent-Replayed")), Is.EqualTo((first.Status, first.Body, "true")));
        var token = first.Data["token"]!.GetValue<string>();
        var storedBodies = await QueryDatabaseAsync<byte[]>("SELECT response_body FROM idempotency_keys WHERE idempotency_key = 'env-create-1'");
        Assert.That(storedBodies, Has.Count.EqualTo(1));
        Assert.That(storedBodies[0].AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)), Is.EqualTo(-1), "the stored response must not hold the token in clear");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM environments WHERE name = 'Idempotent tenant'"), Is.EqualTo(1));
    }
    private static IEnumerable<TestCaseData> BodyErrors()
    {
        yield return new TestCaseData("{\"reason\": ", "application/json", HttpStatusCode.BadRequest, "INVALID_JSON").SetArgDisplayNames("400 not JSON");
        yield return new TestCaseData("reason=gone", "text/plain", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE").SetArgDisplayNames("415 not JSON");
        yield return new TestCaseData($$"""{"reason": "{{new string('x', 20_000)}}"}""", "application/json", HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE").SetArgDisplayNames("413 too large");
    }

    [TestCaseSource(nameof(BodyErrors))]
    public async Task SameKey_WhenTheFirstAnswerWasABodyError_ReplaysThatErrorAndRefusesAFixedBody(string body, string contentType, HttpStatusCode status, string code)
    {
        var key = "body-error-" + Guid.NewGuid().ToString("N");

        var first = await SendWithKeyAsync(body, contentType, key);
        var again = await SendWithKeyAsync(body, contentType, key);
        var fixedBody = await RequestReleaseWithKeyAsync(key);

        first.ExpectError(status, code);
        Assert.That((again.Status, again.Body, again.Header("Idempotent-Replayed")), Is.EqualTo((first.Status, first.Body, "true")));
        fixedBody.ExpectError(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_MISMATCH");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @number", new { number = _number }), Is.Zero);
    }

    [Test]
    public async Task SameKey_WhenTheKeptAnswerHasExpired_RunsAsANewRequest()
    {
        var agentName = "Expiring " + Guid.NewGuid().ToString("N")[..8];
        var json = $$"""{"name": "{{agentName}}"}""";
        (await PostWithKeyAsync("/api/v1/agents", _environment.Token, json, "expiring")).ExpectStatus(HttpStatusCode.Created);
        await ExecuteDatabaseAsync("UPDATE idempotency_keys SET expires_at = '2000-01-01T00:00:00.0000000Z' WHERE idempotency_key = 'expiring'");

        var again = await PostWithKeyAsync("/api/v1/agents", _environment.Token, json, "expiring");

        again.ExpectStatus(HttpStatusCode.Created);
        Assert.That(again.Header("Idempotent-Replayed"), Is.Null);
        Assert.That(await CountAsync("SELECT COUNT(*) FROM agents WHERE name = @agentName", new { agentName }), Is.EqualTo(2));
    }

    [Test]
    public async Task Sweeper_WhenManyKeysHaveExpired_DeletesThemAllInBatchesAndKeepsTheLiveOnes()
    {
        (await RequestReleaseWithKeyAsync("still-live")).ExpectStatus(HttpStatusCode.Created);
        await ExecuteDatabaseAsync("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1234)
            INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, state, response_status, created_at, expires_at)
            SELECT 'env:expired-test', 'old-' || i, 'f', 'completed', 201, '2000-01-01T00:00:00.0000000Z', '2000-01-02T00:00:00.0000000Z' FROM n
            """);
        var sweeper = Factory.Services.GetServices<IHostedService>().OfType<ExpiredKeySweeper>().Single();

        var deleted = await sweeper.SweepAsync(CancellationToken.None);

        Assert.That(deleted, Is.GreaterThanOrEqualTo(1234));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM idempotency_keys WHERE scope = 'env:expired-test'"), Is.Zero);
        Assert.That(await CountAsync("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = 'still-live'"), Is.EqualTo(1));
    }

    private Task<ApiResponse> SendWithKeyAsync(string body, string contentType, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/phone-numbers/{_number}/request-release")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _environment.Token);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return Api.SendAsync(request);
    }
}
