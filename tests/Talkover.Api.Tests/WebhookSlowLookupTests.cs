using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Talkover.Api.Tests.Support;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Tests;

/// <summary>
/// A webhook URL's host is looked up before a keyed create opens its transaction: a slow name server (here a
/// guard that takes three seconds to answer) keeps the creating request waiting, and nobody else.
/// </summary>
public sealed class WebhookSlowLookupTests : ApiTestBase
{
    private static readonly TimeSpan Lookup = TimeSpan.FromSeconds(3);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IWebhookUrlGuard, SlowGuard>();

    [Test]
    public async Task AKeyedCreate_WhileItsUrlIsLookedUp_HoldsNoLockOtherWritesWaitFor()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var create = Task.Run(async () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks")
            {
                Content = new StringContent("{\"url\": \"https://slow.example/hooks\"}", System.Text.Encoding.UTF8, "application/json"),
            };
            message.Headers.Authorization = new("Bearer", environment.Token);
            message.Headers.Add("Idempotency-Key", "slow-lookup");
            return await Api.SendAsync(message);
        });

        await SlowGuard.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        var other = await Api.PostAsync("/api/v1/admin/environments", TalkoverApiFactory.AdminKey, new { name = "Written while a lookup runs" });
        var waited = clock.Elapsed;
        var created = await create;

        Assert.Multiple(() =>
        {
            Assert.That(other.Status, Is.EqualTo(HttpStatusCode.Created), other.Body);
            Assert.That(waited, Is.LessThan(Lookup), "the other write did not wait for the lookup");
            Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body);
            Assert.That(SlowGuard.Lookups, Is.EqualTo(1), "the check inside the pipeline took the verdict instead of looking up again");
        });
    }

    private sealed class SlowGuard : IWebhookUrlGuard
    {
        public static readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static int Lookups;

        public async Task<string?> ProblemAsync(Uri url, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Lookups);
            Started.TrySetResult();
            await Task.Delay(Lookup, cancellationToken);
            return null;
        }
    }
}
