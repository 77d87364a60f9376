using System.Net;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>
/// The support console over plain HTTP: its security headers on every kind of response, HTML errors under
/// /console while /api keeps its JSON envelope, forms refused without their antiforgery token, assets never rate limited.
/// </summary>
public sealed partial class ConsoleShellTests : ApiTestBase
{
    private const string Csp = "default-src 'self'; frame-ancestors 'none'";

    // A browser-like client without a cookie jar or redirects, so each test sees exactly what the server sent.
    private ApiClient _raw = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:StandardPerMinute"] = "5",
    };

    [OneTimeSetUp]
    public void CreateRawClient() =>
        _raw = new ApiClient(new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Api.Http.BaseAddress });

    [OneTimeTearDown]
    public void DisposeRawClient() => _raw.Http.Dispose();

    [TestCase("/console/sign-in", HttpStatusCode.OK, "text/html")]
    [TestCase("/console/assets/console.css", HttpStatusCode.OK, "text/css")]
    [TestCase("/console/nope", HttpStatusCode.NotFound, "text/html")]
    [TestCase("/console/assets/missing.css", HttpStatusCode.NotFound, "text/html")]
    [TestCase("/console", HttpStatusCode.Found, null)]
    public async Task ConsoleResponses_CarryTheSecurityHeaders(string path, HttpStatusCode status, string? mediaType)
    {
        var response = await _raw.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(status), response.Body);
            Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo(mediaType));
            Assert.That(response.Header("Content-Security-Policy"), Is.EqualTo(Csp));
            Assert.That(response.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(response.Header("Referrer-Policy"), Is.EqualTo("no-referrer"));
        });
    }

    [Test]
    public async Task UnknownConsolePage_IsAnHtmlPage_NotTheApiEnvelope()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/console/nope");

        response.ExpectStatus(HttpStatusCode.NotFound);
        Assert.Multiple(() =>
        {
            Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(response.Body, Does.StartWith("<!DOCTYPE html>").And.Contain("Page not found").And.Contain("/console/assets/console.css"));
            Assert.That(response.Body, Does.Not.Contain("NOT_FOUND"));
        });
    }

    [TestCase("GET", "/api/v1/console")]
    [TestCase("GET", "/api/v1/nothing-here")]
    [TestCase("GET", "/consoles")]
    [TestCase("POST", "/api/v1/phone-numbers/not/a/route")]
    public async Task OutsideTheConsole_UnknownRoutes_KeepTheJsonEnvelope(string method, string path)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path);

        response.ExpectError(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.That(response.Header("Content-Security-Policy"), Is.Null);
    }

    [Test]
    public async Task SignInPage_IsAFormWithLabelledFieldsAndAnAntiforgeryToken()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/console/sign-in");

        response.ExpectStatus(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(response.Body, Does.Contain("<form method=\"post\" action=\"/console/sign-in\""));
            Assert.That(response.Body, Does.Contain("<label for=\"email\">Email</label>").And.Contain("<label for=\"password\">Password</label>"));
            Assert.That(response.Body, Does.Contain("name=\"__RequestVerificationToken\""));
            Assert.That(response.Body, Does.Not.Contain("<script").And.Not.Contain("style="), "No inline script or style: the CSP would block them");
        });
    }

    [Test]
    public async Task AntiforgeryCookie_IsHttpOnlyStrictAndScopedToTheConsole()
    {
        var response = await _raw.SendAsync(HttpMethod.Get, "/console/sign-in");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("talkover_console_antiforgery=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Multiple(() =>
        {
            Assert.That(cookie, Does.Contain("httponly"));
            Assert.That(cookie, Does.Contain("samesite=strict"));
            Assert.That(cookie, Does.Contain("path=/console"));
            Assert.That(cookie, Does.Not.Contain("secure"), "Plain HTTP here; Secure is set only when the request came over HTTPS");
        });
    }

    [Test]
    public async Task SignInPost_WithoutTheAntiforgeryToken_IsRefused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "staff@talkover.example", ["Password"] = "secret" }),
        };

        var response = await _raw.SendAsync(request);

        response.ExpectStatus(HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(response.Header("Content-Security-Policy"), Is.EqualTo(Csp));
        });
    }

    [Test]
    public async Task SignInPost_WithTheToken_AnswersTheGenericErrorAndNeverEchoesThePassword()
    {
        // A browser's round trip by hand: the page's cookie and hidden token go back with the form.
        var page = await _raw.Http.GetAsync("/console/sign-in");
        var html = await page.Content.ReadAsStringAsync();
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("talkover_console_antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = ConsoleForms.AntiforgeryToken(html);
        var request = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Email"] = "  staff@talkover.example ",
                ["Password"] = "secret-Pa55word",
            }),
        };
        request.Headers.Add("Cookie", cookie);

        var response = await _raw.SendAsync(request);

        response.ExpectStatus(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(response.Body, Does.Contain("role=\"alert\"").And.Contain("Email or password is incorrect"));
            Assert.That(response.Body, Does.Contain("value=\"staff@talkover.example\""));
            Assert.That(response.Body, Does.Not.Contain("secret-Pa55word"));
        });
    }

    [Test]
    public async Task ConsolePost_WithAJsonBody_IsRefusedAsAForm_NotReadAsApiJson()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/console/sign-in", json: "{\"email\": \"a@b.c\"}");

        response.ExpectStatus(HttpStatusCode.BadRequest);
        Assert.That(response.ContentHeaders.ContentType?.MediaType, Is.EqualTo("text/html"), "Antiforgery refuses it, not the API's JSON body rules");
    }

    [Test]
    public async Task ConsoleAssets_AreNeverRateLimited()
    {
        for (var i = 0; i < 12; i++)
        {
            var response = await Api.SendAsync(HttpMethod.Get, "/console/assets/console.css");
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}");
            Assert.That(response.Header("X-RateLimit-Limit"), Is.Null);
        }
    }

    [Test]
    public async Task OpenApiDocument_DoesNotListTheConsole()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/openapi/v1.json");

        response.ExpectStatus(HttpStatusCode.OK);
        Assert.That(response.Json["paths"]!.AsObject().Select(p => p.Key), Has.None.StartsWith("/console"));
    }

}
