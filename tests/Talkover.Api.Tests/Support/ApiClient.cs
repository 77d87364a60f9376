using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Talkover.Api.Tests.Support;

/// <summary>A test harness's view of the API: raw HTTP plus the provisioning steps a harness repeats.</summary>
public sealed class ApiClient(HttpClient http)
{
    private static int _numberSeed = Random.Shared.Next(0, 5_000_000);

    public const string ValidReason = "We migrated outbound calling to a new toll-free number and no longer need this DID.";

    public HttpClient Http => http;

    /// <summary>A fresh fictional US number (+1 555 …), unique within the test run.</summary>
    private static int _staffSeed;

    public static string NewNumber() => $"+1555{Interlocked.Increment(ref _numberSeed) % 10_000_000:D7}";

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, string? token = null, string? json = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return SendAsync(request);
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, body, response.Headers, response.Content.Headers);
    }

    public Task<ApiResponse> PostAsync(string path, string? token, object body) =>
        SendAsync(HttpMethod.Post, path, token, JsonSerializer.Serialize(body));

    public Task<ApiResponse> PutAsync(string path, string? token, object body) =>
        SendAsync(HttpMethod.Put, path, token, JsonSerializer.Serialize(body));

    public Task<ApiResponse> RequestReleaseAsync(string token, string phoneNumberId, string reason = ValidReason) =>
        PostAsync($"/api/v1/phone-numbers/{phoneNumberId}/request-release", token, new { reason });

    public async Task<TestEnvironment> CreateEnvironmentAsync(string name = "Test environment", string plan = "standard")
    {
        var response = await PostAsync("/api/v1/admin/environments", TalkoverApiFactory.AdminKey, new { name, plan });
        response.ExpectStatus(HttpStatusCode.Created);
        return new TestEnvironment(response.Data["id"]!.GetValue<string>(), response.Data["token"]!.GetValue<string>());
    }

    public async Task<string> ProvisionAsync(TestEnvironment environment, string? number = null)
    {
        var response = await PostAsync($"/api/v1/admin/environments/{environment.Id}/phone-numbers", TalkoverApiFactory.AdminKey,
            new { number = number ?? NewNumber(), country_code = "US", has_voice = true });
        response.ExpectStatus(HttpStatusCode.Created);
        return response.Data["id"]!.GetValue<string>();
    }

    public async Task<string> CreateAgentAsync(TestEnvironment environment, string name = "Front desk")
    {
        var response = await PostAsync("/api/v1/agents", environment.Token, new { name });
        response.ExpectStatus(HttpStatusCode.Created);
        return response.Data["id"]!.GetValue<string>();
    }

    public async Task<string> CreatePendingRequestAsync(TestEnvironment environment, string? phoneNumberId = null)
    {
        var response = await RequestReleaseAsync(environment.Token, phoneNumberId ?? await ProvisionAsync(environment));
        response.ExpectStatus(HttpStatusCode.Created);
        return response.Data["id"]!.GetValue<string>();
    }

    public Task<ApiResponse> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);

    public Task<ApiResponse> ApproveAsync(string requestId, string? note = null) =>
        SendAsync(HttpMethod.Post, $"/api/v1/admin/release-requests/{requestId}/approve", TalkoverApiFactory.AdminKey,
            note is null ? null : JsonSerializer.Serialize(new { note }));

    public Task<ApiResponse> RejectAsync(string requestId, string note = "Number is still under contract until next year.") =>
        PostAsync($"/api/v1/admin/release-requests/{requestId}/reject", TalkoverApiFactory.AdminKey, new { note });

    public Task<ApiResponse> PatchAsync(string path, string? token, object body) =>
        SendAsync(HttpMethod.Patch, path, token, JsonSerializer.Serialize(body));

    /// <summary>A staff member added with the bootstrap key, with a personal API key of their own.</summary>
    public async Task<TestStaff> CreateStaffAsync(string role, string? name = null, string? email = null)
    {
        name ??= $"{char.ToUpperInvariant(role[0])}{role[1..]} {Interlocked.Increment(ref _staffSeed)}";
        email ??= $"{role}.{Guid.NewGuid():N}@support.example";
        var member = (await PostAsync("/api/v1/admin/staff", TalkoverApiFactory.AdminKey, new { email, name, role })).ExpectStatus(HttpStatusCode.Created);
        var id = member.Data["id"]!.GetValue<string>();
        var key = (await PostAsync($"/api/v1/admin/staff/{id}/api-keys", TalkoverApiFactory.AdminKey, new { name = "tests" })).ExpectStatus(HttpStatusCode.Created);
        return new TestStaff(id, email, name, role, key.Data["key"]!.GetValue<string>(), member.Data["setup_url"]!.GetValue<string>());
    }

    public Task<ApiResponse> CancelAsync(TestEnvironment environment, string requestId) =>
        SendAsync(HttpMethod.Post, $"/api/v1/phone-numbers/release-requests/{requestId}/cancel", environment.Token);

    public Task<ApiResponse> SetCallingAsync(TestEnvironment environment, string agentId, params string[] phoneNumberIds) =>
        PutAsync($"/api/v1/agents/{agentId}/calling", environment.Token, new { direction = "inbound", phone_number_ids = phoneNumberIds });
}

public sealed record TestEnvironment(string Id, string Token);

public sealed record TestStaff(string Id, string Email, string Name, string Role, string Key, string SetupUrl);

public sealed record ApiResponse(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonObject Json => JsonNode.Parse(Body)?.AsObject() ?? throw new AssertionException($"Body is not a JSON object: {Body}");

    public JsonObject Data => Json["data"]!.AsObject();

    public string? Code => Json["code"]?.GetValue<string>();

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : ContentHeaders.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues) : null;

    public ApiResponse ExpectStatus(HttpStatusCode expected)
    {
        Assert.That(Status, Is.EqualTo(expected), $"Unexpected status; body: {Body}");
        return this;
    }

    /// <summary>Asserts the error envelope of the contract: status, code, and request_id equal to X-Request-Id.</summary>
    public ApiResponse ExpectError(HttpStatusCode status, string code)
    {
        ExpectStatus(status);
        var json = Json;
        Assert.Multiple(() =>
        {
            Assert.That(json["success"]?.GetValue<bool>(), Is.False, Body);
            Assert.That(json["code"]?.GetValue<string>(), Is.EqualTo(code), Body);
            Assert.That(json["message"]?.GetValue<string>(), Is.Not.Empty, Body);
            Assert.That(json["request_id"]?.GetValue<string>(), Is.EqualTo(Header("X-Request-Id")), Body);
            Assert.That(ContentHeaders.ContentType?.MediaType, Is.EqualTo("application/json"));
        });
        return this;
    }

    public string[] FieldErrors(string field) =>
        Json["errors"]?[field]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];
}
