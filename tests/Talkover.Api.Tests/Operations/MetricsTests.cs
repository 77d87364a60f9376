using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests.Operations;

/// <summary>
/// The Prometheus endpoint over HTTP, scraped before and after the seed's story: release requests created
/// and decided, the review queue's gauges, refused credentials and ASP.NET Core's request metrics move by
/// exactly what the story did.
/// </summary>
public sealed partial class MetricsTests : ApiTestBase
{
    [Test]
    public async Task Metrics_AfterTheReleaseStory_CountWhatHappened()
    {
        var before = await ScrapeAsync();
        var environment = await Api.CreateEnvironmentAsync();
        var approved = await Api.CreatePendingRequestAsync(environment);
        var rejected = await Api.CreatePendingRequestAsync(environment);
        var cancelled = await Api.CreatePendingRequestAsync(environment);
        var waiting = await Api.ProvisionAsync(environment);
        (await Api.RequestReleaseAsync(environment.Token, waiting)).ExpectStatus(HttpStatusCode.Created);
        (await Api.RequestReleaseAsync(environment.Token, waiting)).ExpectError(HttpStatusCode.Conflict, "RELEASE_ALREADY_PENDING");
        (await Api.ApproveAsync(approved)).ExpectStatus(HttpStatusCode.OK);
        (await Api.RejectAsync(rejected)).ExpectStatus(HttpStatusCode.OK);
        (await Api.CancelAsync(environment, cancelled)).ExpectStatus(HttpStatusCode.OK);
        (await Api.ApproveAsync(approved)).ExpectError(HttpStatusCode.Conflict, "RELEASE_REQUEST_NOT_PENDING");
        (await Api.RequestReleaseAsync("talq_" + new string('B', 43), waiting)).ExpectStatus(HttpStatusCode.Unauthorized);

        // The gauges read at most once a second.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var after = await ScrapeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Delta(before, after, "talkover_release_requests_created_total"), Is.EqualTo(4), "four created; the 409 is not counted");
            Assert.That(Delta(before, after, "talkover_release_requests_decided_total", "outcome=\"approved\""), Is.EqualTo(1), "the second approval was refused");
            Assert.That(Delta(before, after, "talkover_release_requests_decided_total", "outcome=\"rejected\""), Is.EqualTo(1));
            Assert.That(Delta(before, after, "talkover_release_requests_decided_total", "outcome=\"cancelled\""), Is.EqualTo(1));
            Assert.That(Delta(before, after, "talkover_release_requests_pending"), Is.EqualTo(1), "one request still waits");
            Assert.That(Value(after, "talkover_release_requests_oldest_pending_age_seconds"), Is.GreaterThanOrEqualTo(0));
            Assert.That(Delta(before, after, "talkover_auth_failures_total", "credential=\"environment_token\""), Is.EqualTo(1));
            Assert.That(Value(after, "talkover_db_write_wait_seconds_count"), Is.GreaterThan(Value(before, "talkover_db_write_wait_seconds_count")));
            Assert.That(after, Does.Match("http_server_request_duration_seconds_count\\{[^}]*http_route=\"api/v1/phone-numbers/\\{phone_number_id\\}/request-release\""));
        }
    }

    [Test]
    public async Task Metrics_AreNeverRateLimitedAndNeedNoCredential()
    {
        using var response = await Api.Http.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Contains("X-RateLimit-Limit"), Is.False, "never counted against a limit");
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await Api.Http.GetAsync("/metrics");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    private static double Delta(string before, string after, string name, string? label = null) => Value(after, name, label) - Value(before, name, label);

    /// <summary>The sum of a series' samples (those carrying <paramref name="label"/>, when given); 0 when absent.</summary>
    private static double Value(string scrape, string name, string? label = null) =>
        SampleLine().Matches(scrape)
            .Where(m => m.Groups["name"].Value == name && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
