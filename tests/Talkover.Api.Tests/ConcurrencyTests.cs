using System.Net;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>
/// Real parallel HTTP requests over loopback sockets against the running service. Each race is
/// repeated so that an interleaving that only breaks sometimes has many chances to show.
/// </summary>
public sealed class ConcurrencyTests : ApiTestBase
{
    private const int Simultaneous = 32;

    [Test]
    public async Task SimultaneousReleaseRequests_ForOneNumber_CreateExactlyOnePendingRequest([Range(1, 5)] int round)
    {
        var environment = await Api.CreateEnvironmentAsync();
        var number = await Api.ProvisionAsync(environment);

        var responses = await Together.FireAsync(Enumerable.Range(0, Simultaneous).Select(_ => (Func<Task<ApiResponse>>)(() => Api.RequestReleaseAsync(environment.Token, number))));

        Assert.Multiple(async () =>
        {
            Assert.That(responses.Count(r => r.Status == HttpStatusCode.Created), Is.EqualTo(1), Together.Describe(responses));
            Assert.That(responses.Count(r => r.Status == HttpStatusCode.Conflict && r.Code == "RELEASE_ALREADY_PENDING"), Is.EqualTo(Simultaneous - 1), Together.Describe(responses));
            Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @number AND status = 'pending'", new { number }), Is.EqualTo(1));
            Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @number", new { number }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ReleaseRequestRacingAnAgentAssignment_NeverLetsBothSucceed([Range(1, 20)] int round)
    {
        var environment = await Api.CreateEnvironmentAsync();
        var number = await Api.ProvisionAsync(environment);
        var agent = await Api.CreateAgentAsync(environment);

        var responses = await Together.FireAsync(
        [
            () => Api.RequestReleaseAsync(environment.Token, number),
            () => Api.SetCallingAsync(environment, agent, number),
        ]);
        var (release, assign) = (responses[0], responses[1]);

        var releaseWon = release.Status == HttpStatusCode.Created && assign.Status == HttpStatusCode.Conflict && assign.Code == "PHONE_NUMBER_RELEASE_PENDING";
        var assignWon = assign.Status == HttpStatusCode.OK && release.Status == HttpStatusCode.UnprocessableEntity && release.Code == "PHONE_NUMBER_IN_USE";
        Assert.That(releaseWon || assignWon, Is.True, $"release: {release.Status} {release.Body}; assign: {assign.Status} {assign.Body}");

        var pending = await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @number AND status = 'pending'", new { number });
        var assigned = await CountAsync("SELECT COUNT(*) FROM agent_phone_numbers WHERE phone_number_id = @number", new { number });
        Assert.That((pending, assigned), Is.EqualTo(releaseWon ? (1L, 0L) : (0L, 1L)));
    }

    [Test]
    public async Task SimultaneousRequests_ForDifferentNumbers_AllSucceed()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var numbers = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            numbers.Add(await Api.ProvisionAsync(environment));
        }

        var responses = await Together.FireAsync(numbers.Select(n => (Func<Task<ApiResponse>>)(() => Api.RequestReleaseAsync(environment.Token, n))));

        Assert.That(responses.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.Created), Together.Describe(responses));
    }

    [Test]
    public async Task AdminsDecidingTheSameRequestAtOnce_ExactlyOneWins([Range(1, 5)] int round)
    {
        var environment = await Api.CreateEnvironmentAsync();
        var requestId = await Api.CreatePendingRequestAsync(environment);

        var responses = await Together.FireAsync(Enumerable.Range(0, 8).Select(i => (Func<Task<ApiResponse>>)(i % 2 == 0
            ? () => Api.ApproveAsync(requestId)
            : () => Api.RejectAsync(requestId))));

        Assert.That(responses.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(1), Together.Describe(responses));
        Assert.That(responses.Count(r => r.Status == HttpStatusCode.Conflict && r.Code == "RELEASE_REQUEST_NOT_PENDING"), Is.EqualTo(7), Together.Describe(responses));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_request_history WHERE release_request_id = @requestId", new { requestId }), Is.EqualTo(2));
    }

    [Test]
    public async Task CancelRacingApprove_ExactlyOneWinsAndTheNumberMatches([Range(1, 10)] int round)
    {
        var environment = await Api.CreateEnvironmentAsync();
        var number = await Api.ProvisionAsync(environment);
        var requestId = await Api.CreatePendingRequestAsync(environment, number);

        var responses = await Together.FireAsync(
        [
            () => Api.CancelAsync(environment, requestId),
            () => Api.ApproveAsync(requestId),
        ]);
        var (cancel, approve) = (responses[0], responses[1]);

        var approveWon = approve.Status == HttpStatusCode.OK && cancel.Code == "RELEASE_REQUEST_NOT_PENDING";
        var cancelWon = cancel.Status == HttpStatusCode.OK && approve.Code == "RELEASE_REQUEST_NOT_PENDING";
        Assert.That(approveWon || cancelWon, Is.True, $"cancel: {cancel.Status} {cancel.Body}; approve: {approve.Status} {approve.Body}");
        var numberNow = await Api.GetAsync($"/api/v1/phone-numbers/{number}", environment.Token);
        Assert.That(numberNow.Status, Is.EqualTo(approveWon ? HttpStatusCode.NotFound : HttpStatusCode.OK));
    }


}
