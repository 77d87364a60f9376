using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Talkover.Api.Tests.Support;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Tests.Faults;

/// <summary>
/// A fault at each step of a keyed write — before the commit, after it but before the response leaves,
/// a client that hangs up, a failure while keeping the response — and then a retry with the same key:
/// it replays the first answer, or runs once when nothing was committed. Never a second resource.
/// </summary>
[NonParallelizable]
public sealed class KeyedWriteFaultTests : ApiTestBase
{
    private readonly FaultPlan _faults = new();
    private TestEnvironment _environment = null!;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(_faults);
        services.Decorate<IUnitOfWork>((inner, provider) => new FaultyUnitOfWork(inner, provider.GetRequiredService<FaultPlan>()));
        services.Decorate<IIdempotencyStore>((inner, provider) => new FaultyIdempotencyStore(inner, provider.GetRequiredService<FaultPlan>()));
    }

    [SetUp]
    public async Task CreateEnvironment()
    {
        _faults.Clear();
        _environment = await Api.CreateEnvironmentAsync(plan: "enterprise");
    }

    [TearDown]
    public void ClearFaults() => _faults.Clear();

    [Test]
    public async Task Retry_WhenKeepingTheResponseFailed_RunsOnceAndCreatesOneAgent()
    {
        var name = UniqueName();
        _faults.BeforeSaveResponse = () => throw new DatabaseUnavailableException("disk full", new IOException("No space left on device"));

        var first = await CreateAgentAsync(name, "keep-fails");
        _faults.Clear();
        var retry = await CreateAgentAsync(name, "keep-fails");
        var again = await CreateAgentAsync(name, "keep-fails");

        first.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        retry.ExpectStatus(HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(retry.Header("Idempotent-Replayed"), Is.Null, "nothing was committed, so the retry is the first run");
            Assert.That((again.Status, again.Body, again.Header("Idempotent-Replayed")), Is.EqualTo((retry.Status, retry.Body, "true")));
            Assert.That(await AgentsNamedAsync(name), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Retry_WhenTheProcessFailedAfterTheCommit_ReplaysTheFirstAgent()
    {
        var name = UniqueName();
        _faults.AfterCommit = () => throw new InvalidOperationException("the response never left the process");

        var first = await CreateAgentAsync(name, "after-commit");
        _faults.Clear();
        var retry = await CreateAgentAsync(name, "after-commit");

        first.ExpectError(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        retry.ExpectStatus(HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(retry.Header("Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(await AgentsNamedAsync(name), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Retry_WhenTheClientHungUpAfterTheCommit_ReplaysTheFirstAgent()
    {
        var name = UniqueName();
        using var hangUp = new CancellationTokenSource();
        _faults.AfterCommit = async () =>
        {
            await hangUp.CancelAsync();
            await Task.Delay(200);
        };

        Assert.That(async () => await CreateAgentAsync(name, "hang-up-after", hangUp.Token), Throws.InstanceOf<OperationCanceledException>());
        _faults.Clear();
        var retry = await RetryWhileInUseAsync(() => CreateAgentAsync(name, "hang-up-after"));

        retry.ExpectStatus(HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(retry.Header("Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(await AgentsNamedAsync(name), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Retry_WhenTheClientHungUpDuringTheCommand_ReplaysTheCommandThatRanToItsEnd()
    {
        var name = UniqueName();
        using var hangUp = new CancellationTokenSource();
        _faults.BeforeSaveResponse = async () =>
        {
            await hangUp.CancelAsync();
            await Task.Delay(200);
        };

        Assert.That(async () => await CreateAgentAsync(name, "hang-up-during", hangUp.Token), Throws.InstanceOf<OperationCanceledException>());
        _faults.Clear();
        var retry = await RetryWhileInUseAsync(() => CreateAgentAsync(name, "hang-up-during"));

        retry.ExpectStatus(HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(retry.Header("Idempotent-Replayed"), Is.EqualTo("true"), "a hang-up does not stop a command once its transaction began");
            Assert.That(await AgentsNamedAsync(name), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Retry_WhenTheCommandFailedUnexpectedly_RunsAgainAtOnceAndCreatesOneAgent()
    {
        var name = UniqueName();
        _faults.OnCommandBegin = () => throw new InvalidOperationException("unexpected failure inside the command");

        var first = await CreateAgentAsync(name, "five-hundred");
        _faults.Clear();
        var retry = await CreateAgentAsync(name, "five-hundred");

        first.ExpectError(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        retry.ExpectStatus(HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(retry.Header("Idempotent-Replayed"), Is.Null, "a 5xx keeps nothing; the key is free at once, not left in flight");
            Assert.That(await AgentsNamedAsync(name), Is.EqualTo(1));
            Assert.That(await CountAsync("SELECT COUNT(*) FROM idempotency_keys WHERE state = 'in_flight'"), Is.Zero);
        });
    }

    [Test]
    public async Task Retry_WhenTheDatabaseFailedBeforeTheCommit_RunsOnceAndCreatesOneAgent()
    {
        var name = UniqueName();
        _faults.BeforeCommit = () => throw new DatabaseUnavailableException("database lost", new IOException("I/O error"));

        var first = await CreateAgentAsync(name, "before-commit");
        _faults.Clear();
        var retry = await CreateAgentAsync(name, "before-commit");

        first.ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        retry.ExpectStatus(HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(retry.Header("Idempotent-Replayed"), Is.Null);
            Assert.That(await AgentsNamedAsync(name), Is.EqualTo(1));
        });
    }

    private static string UniqueName() => "Agent " + Guid.NewGuid().ToString("N")[..12];

    private Task<ApiResponse> CreateAgentAsync(string name, string key, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agents")
        {
            Content = new StringContent($$"""{"name": "{{name}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _environment.Token);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key + "-" + name);
        return cancellationToken.CanBeCanceled ? SendCancellableAsync(request, cancellationToken) : Api.SendAsync(request);
    }

    private async Task<ApiResponse> SendCancellableAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await Api.Http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ApiResponse(response.StatusCode, body, response.Headers, response.Content.Headers);
    }

    /// <summary>A retry sent while the first request still runs is answered 409; a client would wait and send it again.</summary>
    private static async Task<ApiResponse> RetryWhileInUseAsync(Func<Task<ApiResponse>> send)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await send();
            if (response.Code != "IDEMPOTENCY_KEY_IN_USE" || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(100);
        }
    }

    private Task<long> AgentsNamedAsync(string name) =>
        CountAsync("SELECT COUNT(*) FROM agents WHERE environment_id = @environment AND name = @name", new { environment = _environment.Id, name });
}
