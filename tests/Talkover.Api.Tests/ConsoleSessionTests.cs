using System.Net;
using System.Text.RegularExpressions;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>The console's forms over plain HTTP: where a sign-in leads, and what an API-only header means there.</summary>
public sealed partial class ConsoleSessionTests : ApiTestBase
{
    private const string Password = "correct horse battery staple";

    [Test]
    public async Task SignIn_LeadsBackToThePageThatAskedForIt()
    {
        var member = await Api.CreateStaffAsync("viewer");
        await ChoosePasswordAsync(member);
        using var browser = NewClient();

        var asked = await browser.GetAsync("/console/account");
        Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var signInPage = await browser.GetStringAsync(asked.Headers.Location!);
        var form = FormAction().Match(signInPage).Groups[1].Value;
        Assert.That(WebUtility.HtmlDecode(form), Is.EqualTo("/console/sign-in?ReturnUrl=%2Fconsole%2Faccount"));

        var signedIn = await browser.PostAsync(WebUtility.HtmlDecode(form), Form(("Email", member.Email), ("Password", Password), ("__RequestVerificationToken", Token(signInPage))));

        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signedIn.Headers.Location!.OriginalString, Is.EqualTo("/console/account"));
    }

    [TestCase("https://evil.example/console")]
    [TestCase("//evil.example/console")]
    [TestCase("/api/v1/admin/me")]
    public async Task SignIn_NeverLeadsOutsideTheConsole(string returnUrl)
    {
        var member = await Api.CreateStaffAsync("viewer");
        await ChoosePasswordAsync(member);
        using var browser = NewClient();
        var signInPage = await browser.GetStringAsync("/console/sign-in");

        var signedIn = await browser.PostAsync($"/console/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            Form(("Email", member.Email), ("Password", Password), ("__RequestVerificationToken", Token(signInPage))));

        Assert.That(signedIn.Headers.Location!.OriginalString, Is.EqualTo("/console"));
    }

    [Test]
    public async Task AnIdempotencyKeyOnAConsoleForm_IsIgnored_SoNoPageWithASecretIsStoredOrShownTwice()
    {
        var admin = await Api.CreateStaffAsync("admin");
        await ChoosePasswordAsync(admin);
        using var browser = NewClient();
        var signInPage = await browser.GetStringAsync("/console/sign-in");
        await browser.PostAsync("/console/sign-in", Form(("Email", admin.Email), ("Password", Password), ("__RequestVerificationToken", Token(signInPage))));
        var staffPage = await browser.GetStringAsync("/console/staff");
        var before = await CountAsync("SELECT COUNT(*) FROM idempotency_keys");

        async Task<string> AddAsync(string email)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/console/staff")
            {
                Content = Form(("Email", email), ("Name", "Keyed"), ("Role", "viewer"), ("__RequestVerificationToken", Token(staffPage))),
            };
            request.Headers.Add("Idempotency-Key", "console-form");
            var response = await browser.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Idempotent-Replayed"), Is.False);
            return SetupLink().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        }

        var first = await AddAsync($"first.{Guid.NewGuid():N}@support.example");
        var second = await AddAsync($"second.{Guid.NewGuid():N}@support.example");

        Assert.That(first, Is.Not.Empty.And.Not.EqualTo(second), "each form post ran, and showed its own link");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM idempotency_keys"), Is.EqualTo(before));
    }

    [Test]
    public async Task ASetupLinkThatNoLongerWorks_SaysSoBeforeAPasswordIsTyped()
    {
        var member = await Api.CreateStaffAsync("viewer");
        await ChoosePasswordAsync(member);
        using var browser = NewClient();

        var used = await browser.GetAsync(new Uri(member.SetupUrl).PathAndQuery);
        var garbage = await browser.GetAsync("/console/setup?token=not-a-real-token");

        foreach (var page in new[] { used, garbage })
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            var html = await page.Content.ReadAsStringAsync();
            Assert.That(html, Does.Contain("expired or was already used").And.Not.Contain("name=\"Password\""));
        }
    }

    private HttpClient NewClient() =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Api.Http.BaseAddress };

    private async Task ChoosePasswordAsync(TestStaff member)
    {
        using var browser = NewClient();
        var path = new Uri(member.SetupUrl).PathAndQuery;
        var page = await browser.GetStringAsync(path);
        var token = path[(path.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        var chosen = await browser.PostAsync("/console/setup", Form(("Token", token), ("Password", Password), ("Confirm", Password), ("__RequestVerificationToken", Token(page))));
        Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await chosen.Content.ReadAsStringAsync());
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static string Token(string page) => ConsoleForms.AntiforgeryToken(page);


    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*sign-in[^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex SetupLink();
}
