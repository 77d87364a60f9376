using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>
/// Every body-taking route against a set of hostile bodies: whatever comes in, the answer is a 4xx in
/// the error envelope (or a success), never a 500, and nothing half-written.
/// </summary>
public sealed class HostileInputTests : ApiTestBase
{
    private TestEnvironment _environment = null!;
    private string _number = null!;
    private string _agent = null!;
    private string _request = null!;

    private static readonly string[] Bodies =
    [
        "",
        "{",
        "[]",
        "null",
        "\"text\"",
        "123",
        "{}",
        "{\"a\":" + new string('[', 200) + new string(']', 200) + "}",
        "{\"reason\": 1e400, \"note\": -0, \"name\": 9223372036854775808, \"number\": 1.5, \"current_price\": 1e400, \"monthly_renewal_cost\": -1e-400}",
        "{\"reason\": \"\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\", \"note\": \"\\ud800\", \"name\": \"\\udfff\"}",
        "{\"reason\": {}, \"note\": [], \"name\": true, \"label\": 1, \"language\": {}, \"direction\": [], \"phone_number_ids\": {}, \"plan\": 0}",
        "{\"number\": \"+\", \"country_code\": \"\", \"type\": \"\", \"renewal_date\": \"2024-02-30\", \"currency\": \"usd\", \"has_voice\": \"true\"}",
        "{\"phone_number_ids\": [null, \"\", \"00000000-0000-0000-0000-000000000000\"], \"direction\": \"inbound\"}",
        "{\"phone_number_ids\": " + "[" + string.Join(",", Enumerable.Repeat("\"00000000-0000-0000-0000-000000000001\"", 150)) + "], \"direction\": \"inbound\"}",
        "{\"reason\": \"" + new string('x', 5000) + "\", \"note\": \"" + new string('y', 5000) + "\", \"name\": \"" + new string('z', 5000) + "\"}",
        "{\"\\u0000\": 1, \"reason\\u0000\": \"We no longer need this number at all.\"}",
    ];

    [OneTimeSetUp]
    public async Task CreateData()
    {
        _environment = await Api.CreateEnvironmentAsync();
        _number = await Api.ProvisionAsync(_environment);
        _agent = await Api.CreateAgentAsync(_environment);
        _request = await Api.CreatePendingRequestAsync(_environment, await Api.ProvisionAsync(_environment));
    }

    private IEnumerable<(HttpMethod Method, string Path, string Token)> Routes() =>
    [
        (HttpMethod.Post, $"/api/v1/phone-numbers/{_number}/request-release", _environment.Token),
        (HttpMethod.Post, $"/api/v1/phone-numbers/release-requests/{_request}/cancel", _environment.Token),
        (HttpMethod.Post, "/api/v1/agents", _environment.Token),
        (HttpMethod.Put, $"/api/v1/agents/{_agent}/calling", _environment.Token),
        (HttpMethod.Post, "/api/v1/admin/environments", TalkoverApiFactory.AdminKey),
        (HttpMethod.Post, $"/api/v1/admin/environments/{_environment.Id}/tokens", TalkoverApiFactory.AdminKey),
        (HttpMethod.Post, $"/api/v1/admin/environments/{_environment.Id}/phone-numbers", TalkoverApiFactory.AdminKey),
        (HttpMethod.Post, $"/api/v1/admin/release-requests/{_request}/approve", TalkoverApiFactory.AdminKey),
        (HttpMethod.Post, $"/api/v1/admin/release-requests/{_request}/reject", TalkoverApiFactory.AdminKey),
    ];

    [Test]
    public async Task HostileBodies_OnEveryRoute_NeverGetA500OrANonEnvelopeAnswer()
    {
        var failures = new List<string>();
        foreach (var (method, path, token) in Routes())
        {
            foreach (var body in Bodies)
            {
                var response = await Api.SendAsync(method, path, token, body);
                var status = (int)response.Status;
                if (status >= 500)
                {
                    failures.Add($"{method} {path} with {Shorten(body)}: {status} {response.Body}");
                }
                else if (status >= 400 && (response.Json["success"]?.GetValue<bool>() != false || response.Code is null))
                {
                    failures.Add($"{method} {path} with {Shorten(body)}: {status} without the envelope: {response.Body}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @number", new { number = _number }), Is.Zero,
            "no hostile body opened a release request");
    }

    private static string Shorten(string body) => body.Length > 60 ? body[..60] + "…" : body;

    [TestCase("""{"NAME": "Upper case field"}""", TestName = "a field whose name differs only in case is unknown")]
    [TestCase("""{"name": 5, "NAME": "Upper case field"}""", TestName = "a differently cased twin cannot replace a wrong field")]
    public async Task CreateAgent_WhenTheFieldNameIsNotExactlySnakeCase_IgnoresIt(string body)
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/v1/agents", _environment.Token, body);

        response.ExpectError(System.Net.HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors("name"), Is.Not.Empty);
    }

    [TestCase("page=&page=2")]
    [TestCase("page=2&page=")]
    public async Task List_WhenAQueryParameterIsRepeatedWithAnEmptyCopy_Returns422(string query)
    {
        var response = await Api.GetAsync("/api/v1/agents?" + query, _environment.Token);

        response.ExpectError(System.Net.HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors("page"), Is.Not.Empty);
    }
}
