using System.Net;
using System.Text.RegularExpressions;
using NUnit.Framework.Interfaces;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Talkover.Api.Tests.Support;
using WebBrowser = Talkover.Api.Tests.Support.Browser;

namespace Talkover.Api.Tests.Browser;

/// <summary>
/// What the review console's stories share: staff members who chose their password in the browser, more
/// browsers for more people, an HTTP client that carries a browser's cookies, and waits instead of sleeps.
/// </summary>
public abstract partial class ConsoleStoryBase : BrowserTestBase
{
    /// <summary>Every member in these stories chooses this password on their setup page.</summary>
    protected const string Password = "correct horse battery staple";

    protected const string SignInPath = "/console/sign-in";

    private static int _people;

    private readonly List<WebBrowser> _otherBrowsers = [];
    private readonly List<HttpClient> _clients = [];

    /// <summary>A name no other test of the run uses, so a page that shows it shows this test's member.</summary>
    protected static string PersonName(string first) => $"{first} {Interlocked.Increment(ref _people)}";

    /// <summary>A second person at another computer: their own browser with their own cookies.</summary>
    protected WebBrowser AnotherBrowser()
    {
        var browser = WebBrowser.Start(BaseAddress);
        _otherBrowsers.Add(browser);
        return browser;
    }

    [TearDown]
    public void StopOtherBrowsersAndClients()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed;
        for (var i = 0; i < _otherBrowsers.Count; i++)
        {
            try
            {
                if (failed)
                {
                    var name = string.Concat(TestContext.CurrentContext.Test.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
                    _otherBrowsers[i].Screenshot($"failed-{name}-browser-{i + 2}");
                }
            }
            catch (WebDriverException)
            {
            }
            finally
            {
                _otherBrowsers[i].Dispose();
            }
        }

        _otherBrowsers.Clear();
        _clients.ForEach(client => client.Dispose());
        _clients.Clear();
    }

    /// <summary>A member added through the API who opened their setup link in <paramref name="browser"/>, chose a password and is signed in there.</summary>
    protected async Task<TestStaff> SignedInMemberAsync(WebBrowser browser, string role, string firstName)
    {
        var member = await Api.CreateStaffAsync(role, PersonName(firstName));
        ChoosePassword(browser, member.SetupUrl);
        return member;
    }

    /// <summary>Opens a setup link, chooses <see cref="Password"/> and lands on the queue, signed in.</summary>
    protected static void ChoosePassword(WebBrowser browser, string setupUrl)
    {
        browser.Driver.Navigate().GoToUrl(setupUrl);
        browser.FieldLabelled("New password").SendKeys(Password);
        browser.FieldLabelled("Repeat the password").SendKeys(Password);
        Submit(browser, browser.Button("Set password and sign in"));
        Assert.That(browser.Url.AbsolutePath, Is.EqualTo("/console"), "Choosing a password signs in and opens the queue");
    }

    /// <summary>Fills in the sign-in page and presses Sign in.</summary>
    protected static void SignIn(WebBrowser browser, string email, string password)
    {
        browser.GoTo(SignInPath);
        browser.FieldLabelled("Email").SendKeys(email);
        browser.FieldLabelled("Password").SendKeys(password);
        Submit(browser, browser.Button("Sign in"));
    }

    /// <summary>Clicks a button that submits a form, and waits until the next page has loaded.</summary>
    protected static void Submit(WebBrowser browser, IWebElement button)
    {
        button.Click();
        WaitForNextPage(browser, button);
    }

    /// <summary>Waits until <paramref name="before"/> (an element of the old page) is gone and the new page has loaded.</summary>
    protected static void WaitForNextPage(WebBrowser browser, IWebElement before) =>
        Wait(browser, driver => IsStale(before) && Equals(((IJavaScriptExecutor)driver).ExecuteScript("return document.readyState;"), "complete"),
            "the next page to load");

    protected static void Wait(WebBrowser browser, Func<IWebDriver, bool> condition, string what)
    {
        var wait = new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(30)) { Message = $"Waited 30 s for {what} on {browser.Driver.Url}" };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        wait.Until(condition);
    }

    protected static IWebElement Find(WebBrowser browser, string css) => browser.Driver.FindElement(By.CssSelector(css));

    protected static IReadOnlyList<IWebElement> FindAll(WebBrowser browser, string css) => browser.Driver.FindElements(By.CssSelector(css));

    /// <summary>The text of the page's main content, as a person reads it (whitespace collapsed).</summary>
    protected static string MainText(WebBrowser browser) => Collapse(Find(browser, "#main").Text);

    protected static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>
    /// An HTTP client that sends exactly the cookies <paramref name="browser"/> holds for the page it shows
    /// (its session and antiforgery cookies), follows no redirect and keeps no cookies of its own.
    /// </summary>
    protected HttpClient ClientWithCookiesOf(WebBrowser browser) => ClientWithCookies(browser.Driver.Manage().Cookies.AllCookies);

    protected HttpClient ClientWithCookies(IEnumerable<OpenQA.Selenium.Cookie> cookies)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(cookie => $"{cookie.Name}={cookie.Value}")));
        _clients.Add(client);
        return client;
    }

    /// <summary>The antiforgery token of the first form on the page the browser shows.</summary>
    protected static string AntiforgeryToken(WebBrowser browser) =>
        Find(browser, "input[name=__RequestVerificationToken]").GetAttribute("value")
        ?? throw new AssertionException("The page has no antiforgery token");

    protected static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));

    /// <summary>The request as the API shows it to the bootstrap admin key.</summary>
    protected async Task<System.Text.Json.Nodes.JsonObject> RequestFromApiAsync(string requestId) =>
        (await Api.GetAsync($"/api/v1/admin/release-requests/{requestId}", TalkoverApiFactory.AdminKey)).ExpectStatus(HttpStatusCode.OK).Data;

    private static bool IsStale(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
        catch (WebDriverException ex) when (ex.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // Chromium's answer when the old page is being torn down at the moment of asking: stale, too.
            return true;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
