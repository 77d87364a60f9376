using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>POST /api/v1/phone-numbers/{id}/request-release, case by case in the contract's check order.</summary>
public sealed partial class RequestReleaseContractTests : ApiTestBase
{
    private TestEnvironment _environment = null!;
    private string _phoneNumberId = null!;

    [SetUp]
    public async Task CreateEnvironmentWithFreeNumber()
    {
        _environment = await Api.CreateEnvironmentAsync();
        _phoneNumberId = await Api.ProvisionAsync(_environment);
    }

    private string ReleasePath(string? id = null) => $"/api/v1/phone-numbers/{id ?? _phoneNumberId}/request-release";

    private Task<ApiResponse> PostRawAsync(string json, string contentType = "application/json", string? token = null, string? id = null) =>
        Api.SendAsync(HttpMethod.Post, ReleasePath(id), token ?? _environment.Token, json, contentType);

    [Test]
    public async Task RequestRelease_WhenNumberIsFree_Returns201WithTheSeedFieldsAndLocation()
    {
        var response = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId, "  " + ApiClient.ValidReason + "  ");

        response.ExpectStatus(HttpStatusCode.Created);
        var data = response.Data;
        Assert.Multiple(() =>
        {
            Assert.That(response.Json["success"]!.GetValue<bool>(), Is.True);
            Assert.That(data.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "phone_number_id", "phone_number", "reason", "status", "requested_at" }));
            Assert.That(data["phone_number_id"]!.GetValue<string>(), Is.EqualTo(_phoneNumberId));
            Assert.That(data["phone_number"]!.GetValue<string>(), Does.Match(@"^\+1555\d{7}$"));
            Assert.That(data["reason"]!.GetValue<string>(), Is.EqualTo(ApiClient.ValidReason), "reason is stored trimmed");
            Assert.That(data["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(data["requested_at"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"));
            Assert.That(data["id"]!.GetValue<string>(), Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/phone-numbers/release-requests/{data["id"]}"));
        });
    }

    [Test]
    public async Task RequestRelease_WhenCreated_StoresOnePendingRowAndItsHistory()
    {
        var response = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId);
        var id = response.ExpectStatus(HttpStatusCode.Created).Data["id"]!.GetValue<string>();

        var statuses = await QueryDatabaseAsync<string>("SELECT status FROM release_requests WHERE phone_number_id = @id", new { id = _phoneNumberId });
        var history = await QueryDatabaseAsync<(string? From, string To, string Actor)>(
            "SELECT from_status, to_status, actor FROM release_request_history WHERE release_request_id = @id", new { id });
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { "pending" }));
            Assert.That(history, Is.EqualTo(new[] { ((string?)null, "pending", "customer") }));
        });
    }

    [Test]
    public async Task RequestRelease_WhenAlreadyPending_Returns409WithTheSeedMessage()
    {
        (await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId)).ExpectStatus(HttpStatusCode.Created);

        var second = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId);

        second.ExpectError(HttpStatusCode.Conflict, "RELEASE_ALREADY_PENDING");
        Assert.That(second.Json["message"]!.GetValue<string>(), Is.EqualTo("A release request for this phone number is already pending"));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @id", new { id = _phoneNumberId }), Is.EqualTo(1));
    }

    [Test]
    public async Task RequestRelease_WhenAnyAgentHoldsTheNumber_Returns422InUseWithTheSeedMessage()
    {
        var agentId = await Api.CreateAgentAsync(_environment);
        (await Api.SetCallingAsync(_environment, agentId, _phoneNumberId)).ExpectStatus(HttpStatusCode.OK);

        var response = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "PHONE_NUMBER_IN_USE");
        Assert.That(response.Json["message"]!.GetValue<string>(), Is.EqualTo("Phone number is currently assigned to active agents and cannot be released"));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @id", new { id = _phoneNumberId }), Is.Zero);
    }

    [Test]
    public async Task RequestRelease_WhenPendingAndInUse_ReportsPendingFirst()
    {
        (await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId)).ExpectStatus(HttpStatusCode.Created);
        var agentId = await Api.CreateAgentAsync(_environment);
        // The API refuses to assign a number with a pending release, so the assignment is written
        // straight into the database to reach the state where both rules are broken.
        await ExecuteDatabaseAsync("INSERT INTO agent_phone_numbers (agent_id, phone_number_id) VALUES (@agentId, @phone)", new { agentId, phone = _phoneNumberId });

        (await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId)).ExpectError(HttpStatusCode.Conflict, "RELEASE_ALREADY_PENDING");
    }

    [Test]
    public async Task RequestRelease_WhenNumberIsUnknown_Returns404()
    {
        var response = await Api.RequestReleaseAsync(_environment.Token, Guid.NewGuid().ToString());

        response.ExpectError(HttpStatusCode.NotFound, "PHONE_NUMBER_NOT_FOUND");
    }

    [Test]
    public async Task RequestRelease_WhenNumberBelongsToAnotherEnvironment_AnswersExactlyAsForAnUnknownId()
    {
        var other = await Api.CreateEnvironmentAsync("Other tenant");
        var othersNumber = await Api.ProvisionAsync(other);

        var foreign = await Api.RequestReleaseAsync(_environment.Token, othersNumber);
        var unknown = await Api.RequestReleaseAsync(_environment.Token, Guid.NewGuid().ToString());

        foreign.ExpectError(HttpStatusCode.NotFound, "PHONE_NUMBER_NOT_FOUND");
        Assert.That(foreign.Json["message"]!.ToJsonString(), Is.EqualTo(unknown.Json["message"]!.ToJsonString()));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @id", new { id = othersNumber }), Is.Zero);
    }

    [Test]
    public async Task RequestRelease_WhenIdIsUppercase_FindsTheNumber()
    {
        var response = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId.ToUpperInvariant());

        response.ExpectStatus(HttpStatusCode.Created);
        Assert.That(response.Data["phone_number_id"]!.GetValue<string>(), Is.EqualTo(_phoneNumberId));
    }

    // ---- 401 ----

    [TestCase(null)]
    [TestCase("Basic dXNlcjpwYXNz")]
    [TestCase("Bearer")]
    [TestCase("Bearer ")]
    [TestCase("Bearer talq_")]
    [TestCase("Bearer talq_ThisTokenWasNeverIssuedByTheServiceAtAll0000000")]
    [TestCase("Bearer not-a-token")]
    [TestCase("talq_missing-scheme")]
    public async Task RequestRelease_WhenTokenIsMissingMalformedOrUnknown_Returns401(string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ReleasePath())
        {
            Content = new StringContent("""{"reason": "We no longer need this number at all."}""", Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await Api.SendAsync(request);

        response.ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Test]
    public async Task RequestRelease_WhenUnauthenticatedAndWrongContentType_Returns401First()
    {
        var response = await Api.SendAsync(HttpMethod.Post, ReleasePath(), token: null, json: "<xml/>", contentType: "application/xml");

        response.ExpectError(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Test]
    public async Task RequestRelease_WithTheAdminKey_Returns403()
    {
        var response = await Api.RequestReleaseAsync(TalkoverApiFactory.AdminKey, _phoneNumberId);

        response.ExpectError(HttpStatusCode.Forbidden, "UNAUTHORIZED");
    }

    // ---- 415 ----

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/xml")]
    [TestCase("application/json; charset=latin1")]
    public async Task RequestRelease_WhenContentTypeIsNotJson_Returns415(string contentType)
    {
        var response = await PostRawAsync("""{"reason": "We no longer need this number at all."}""", contentType);

        response.ExpectError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json; charset=\"UTF-8\"")]
    [TestCase("Application/JSON")]
    public async Task RequestRelease_WhenContentTypeIsJsonWithCharset_IsAccepted(string contentType)
    {
        var response = await PostRawAsync("""{"reason": "We no longer need this number at all."}""", contentType);

        response.ExpectStatus(HttpStatusCode.Created);
    }

    [Test]
    public async Task RequestRelease_WhenBodyIsHugeAndNotJson_Returns415BeforeSize()
    {
        var response = await PostRawAsync(new string('x', 20_000), "text/plain");

        response.ExpectError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Test]
    public async Task RequestRelease_WhenEmptyBodyIsDeclaredAsText_Returns415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ReleasePath()) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new("text/plain");
        request.Headers.Authorization = new("Bearer", _environment.Token);

        var response = await Api.SendAsync(request);

        response.ExpectError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    // ---- 413 ----

    [Test]
    public async Task RequestRelease_WhenBodyIsOver16KiB_Returns413AndStoresNothing()
    {
        var json = "{\"reason\": \"" + new string('a', 16 * 1024) + "\"}";

        var response = await PostRawAsync(json);

        response.ExpectError(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @id", new { id = _phoneNumberId }), Is.Zero);
    }

    [Test]
    public async Task RequestRelease_WhenOversizedBodyIsAlsoInvalidJson_Returns413BeforeParsing()
    {
        var response = await PostRawAsync("{" + new string('[', 17_000));

        response.ExpectError(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }

    [Test]
    public async Task RequestRelease_WhenChunkedBodyIsOver16KiB_Returns413()
    {
        var json = "{\"reason\": \"" + new string('a', 17_000) + "\"}";
        var request = new HttpRequestMessage(HttpMethod.Post, ReleasePath())
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Bearer", _environment.Token);

        var response = await Api.SendAsync(request);

        response.ExpectError(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }

    // ---- 400 ----

    [TestCase("")]
    [TestCase("{")]
    [TestCase("{\"reason\": }")]
    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("[{\"reason\": \"We no longer need this number at all.\"}]")]
    [TestCase("\"We no longer need this number at all.\"")]
    [TestCase("42")]
    [TestCase("null")]
    [TestCase("{\"reason\": \"We no longer need this number.\", \"reason\": \"We no longer need this number!\"}")]
    [TestCase("{\"reason\": \"We no longer need this number.\"} trailing")]
    public async Task RequestRelease_WhenBodyIsNotASingleJsonObject_Returns400(string body)
    {
        var response = await PostRawAsync(body);

        response.ExpectError(HttpStatusCode.BadRequest, "INVALID_JSON");
    }

    [Test]
    public async Task RequestRelease_WhenBodyIsInvalidUtf8_Returns400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ReleasePath())
        {
            Content = new ByteArrayContent([.. "{\"reason\": \""u8.ToArray(), 0xC3, 0x28, .. "abcdefghijkl\"}"u8.ToArray()]),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = new("Bearer", _environment.Token);

        var response = await Api.SendAsync(request);

        response.ExpectError(HttpStatusCode.BadRequest, "INVALID_JSON");
    }

    // ---- 422 validation ----

    [TestCase("{}", "reason is required")]
    [TestCase("{\"reason\": null}", "reason is required")]
    [TestCase("{\"reason\": 12345678901}", "reason must be a string")]
    [TestCase("{\"reason\": true}", "reason must be a string")]
    [TestCase("{\"reason\": {\"text\": \"We no longer need this number.\"}}", "reason must be a string")]
    [TestCase("{\"reason\": [\"We no longer need this number.\"]}", "reason must be a string")]
    [TestCase("{\"reason\": \"too short\"}", "reason must be between 10 and 500 characters")]
    [TestCase("{\"reason\": \"   too short     \"}", "reason must be between 10 and 500 characters")]
    [TestCase("{\"reason\": \"                    \"}", "reason must be between 10 and 500 characters")]
    [TestCase("{\"reason\": \"We no longer\\u0000 need this number.\"}", "reason must not contain control characters")]
    [TestCase("{\"reason\": \"We no longer\\u001b need this number.\"}", "reason must not contain control characters")]
    public async Task RequestRelease_WhenReasonBreaksARule_Returns422OnReason(string body, string expected)
    {
        var response = await PostRawAsync(body);

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors("reason"), Is.EqualTo(new[] { expected }));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @id", new { id = _phoneNumberId }), Is.Zero);
    }

    [Test]
    public async Task RequestRelease_WhenReasonIs501CodePoints_Returns422()
    {
        var response = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId, string.Concat(Enumerable.Repeat("😀", 501)));

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
    }

    [Test]
    public async Task RequestRelease_WhenReasonIs500EmojiCodePoints_IsAccepted()
    {
        var reason = string.Concat(Enumerable.Repeat("😀", 500));

        var response = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId, reason);

        response.ExpectStatus(HttpStatusCode.Created);
        Assert.That(response.Data["reason"]!.GetValue<string>(), Is.EqualTo(reason));
    }

    [Test]
    public async Task RequestRelease_WhenReasonHasLineBreaksAndTabs_IsAccepted()
    {
        var response = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId, "Line one\r\nline two\tand more");

        response.ExpectStatus(HttpStatusCode.Created);
    }

    [TestCase("not-a-uuid")]
    [TestCase("12345")]
    [TestCase("phone-uuid-1")]
    [TestCase("{00000000-0000-0000-0000-000000000000}")]
    public async Task RequestRelease_WhenIdIsMalformed_Returns422OnPhoneNumberId(string id)
    {
        var response = await PostRawAsync("""{"reason": "We no longer need this number at all."}""", id: Uri.EscapeDataString(id));

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.FieldErrors("phone_number_id"), Is.EqualTo(new[] { "phone_number_id must be a valid UUID" }));
    }

    [Test]
    public async Task RequestRelease_WhenIdAndReasonAreBothBad_ReportsBothFieldsAtOnce()
    {
        var response = await PostRawAsync("""{"reason": 5}""", id: "nope");

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(response.Json["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "phone_number_id", "reason" }));
    }

    [Test]
    public async Task RequestRelease_WhenReasonIsInvalidForAnUnknownNumber_Returns422BeforeLookingItUp()
    {
        var response = await PostRawAsync("""{"reason": "short"}""", id: Guid.NewGuid().ToString());

        response.ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
    }

    [Test]
    public async Task RequestRelease_WhenBodyHasUnknownFields_IgnoresThem()
    {
        var response = await PostRawAsync("""{"reason": "We no longer need this number at all.", "status": "approved"}""");

        response.ExpectStatus(HttpStatusCode.Created);
        Assert.That(response.Data["status"]!.GetValue<string>(), Is.EqualTo("pending"));
    }

    // ---- request ids and headers ----

    [Test]
    public async Task EveryResponse_CarriesRequestIdSecurityAndRateLimitHeaders()
    {
        var ok = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId);
        var error = await Api.RequestReleaseAsync(_environment.Token, _phoneNumberId);
        var unauthorized = await Api.RequestReleaseAsync("talq_unknown", _phoneNumberId);
        var noRoute = await Api.SendAsync(HttpMethod.Get, "/api/v1/nowhere", _environment.Token);
        var wrongVerb = await Api.SendAsync(HttpMethod.Delete, ReleasePath(), _environment.Token);
        var tooLarge = await PostRawAsync("{\"reason\": \"" + new string('a', 17_000) + "\"}");
        var notJson = await PostRawAsync("reason=x", "text/plain");

        foreach (var response in new[] { ok, error, unauthorized, noRoute, wrongVerb, tooLarge, notJson })
        {
            Assert.Multiple(() =>
            {
                Assert.That(response.Header("X-Request-Id"), Is.Not.Null.And.Not.Empty);
                Assert.That(response.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
                Assert.That(response.Header("Cache-Control"), Is.EqualTo("no-store"));
                Assert.That(response.Header("X-RateLimit-Limit"), Is.Not.Null);
                Assert.That(response.Header("X-RateLimit-Remaining"), Is.Not.Null);
                Assert.That(response.Header("X-RateLimit-Reset"), Is.Not.Null);
            });
        }

        Assert.That(ok.Header("X-Request-Id"), Is.Not.EqualTo(error.Header("X-Request-Id")));
    }

    [Test]
    public async Task RequestId_WhenClientSendsASaneOne_IsEchoedInHeaderAndBody()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ReleasePath(Guid.NewGuid().ToString()))
        {
            Content = new StringContent("""{"reason": "We no longer need this number at all."}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", _environment.Token);
        request.Headers.Add("X-Request-Id", "harness-run-42.step_7");

        var response = await Api.SendAsync(request);

        response.ExpectError(HttpStatusCode.NotFound, "PHONE_NUMBER_NOT_FOUND");
        Assert.That(response.Header("X-Request-Id"), Is.EqualTo("harness-run-42.step_7"));
    }

    [TestCase("has spaces in it")]
    [TestCase("<script>")]
    public async Task RequestId_WhenClientSendsAnInsaneOne_IsReplaced(string sent)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/health");
        request.Headers.TryAddWithoutValidation("X-Request-Id", sent);

        var response = await Api.SendAsync(request);

        Assert.That(response.Header("X-Request-Id"), Is.Not.EqualTo(sent).And.Match(SaneRequestId()));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex SaneRequestId();
}
