using System.Net;
using OpenQA.Selenium.Support.UI;
using Talkover.Api.ReviewConsole;

namespace Talkover.Api.Tests.Browser;

/// <summary>
/// Who gets into the console and for how long, in a real Chromium: locking after wrong passwords, signing
/// out, an admin adding and disabling a member, and a member's own API key.
/// </summary>
public sealed class ConsoleAccessTests : ConsoleStoryBase
{
    [Test]
    public async Task FiveWrongPasswordsLockTheAccount_TheRightOneThenFailsAlike_AndAnUnknownEmailReadsTheSame()
    {
        var member = await Api.CreateStaffAsync("reviewer", PersonName("Barbara Liskov"));
        ChoosePassword(Browser, member.SetupUrl);
        SignOut(Browser);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            SignIn(Browser, member.Email, $"not the password {attempt}");
            Assert.That(Find(Browser, "[role=alert]").Text, Is.EqualTo(SignInController.FailedMessage), $"Attempt {attempt}");
        }

        SignIn(Browser, member.Email, Password);
        var locked = MainText(Browser);
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Url.AbsolutePath, Is.EqualTo(SignInPath), "The right password does not get into a locked account");
            Assert.That(Find(Browser, "[role=alert]").Text, Is.EqualTo(SignInController.FailedMessage));
            Assert.That(Browser.Driver.Manage().Cookies.GetCookieNamed(ConsoleAuthentication.CookieName), Is.Null, "No session");
        });

        SignIn(Browser, $"nobody.{Guid.NewGuid():N}@support.example", Password);
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Url.AbsolutePath, Is.EqualTo(SignInPath));
            Assert.That(MainText(Browser), Is.EqualTo(locked), "An unknown email reads exactly like a locked account");
            Assert.That(Browser.Driver.PageSource, Does.Not.Contain("locked out").And.Not.Contain("does not exist").And.Not.Contain("unknown"));
        });
    }

    [Test]
    public async Task SignOut_EndsTheSession_AndTheOldSessionCookieNoLongerOpensTheConsole()
    {
        await SignedInMemberAsync(Browser, "viewer", "Frances Allen");
        var cookies = Browser.Driver.Manage().Cookies.AllCookies.ToList();
        Assert.That(cookies.Select(cookie => cookie.Name), Does.Contain(ConsoleAuthentication.CookieName));
        using (var before = await ClientWithCookies(cookies).GetAsync("/console"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "The copied cookie opens the console while the session lasts");
        }

        SignOut(Browser);
        Assert.That(Browser.Url.AbsolutePath, Is.EqualTo(SignInPath));

        Browser.GoTo("/console");
        Assert.That(Browser.Url.AbsolutePath, Is.EqualTo(SignInPath), "After signing out the console asks for a sign-in");

        using var after = await ClientWithCookies(cookies).GetAsync("/console");
        Assert.Multiple(() =>
        {
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Found), "The old cookie is no longer a session");
            Assert.That(after.Headers.Location?.OriginalString, Does.Contain(SignInPath));
        });
    }

    [Test]
    public async Task Admin_AddsAMemberAndSeesTheSetupLinkOnce_TheMemberSignsUp_AndDisablingThemEndsTheirSession()
    {
        await SignedInMemberAsync(Browser, "admin", "Barbara Admin");
        Browser.GoTo("/console/staff");
        var name = PersonName("Hedy Lamarr");
        var email = $"hedy.{Guid.NewGuid():N}@support.example";

        Browser.FieldLabelled("Email").SendKeys(email);
        Browser.FieldLabelled("Name").SendKeys(name);
        new SelectElement(Browser.FieldLabelled("Role")).SelectByValue("reviewer");
        Submit(Browser, Browser.Button("Add and show setup link"));

        var shown = Find(Browser, "#setup-link");
        var link = Find(Browser, "#setup-link code").Text;
        Assert.Multiple(() =>
        {
            Assert.That(shown.Text, Does.Contain(name).And.Contain("shown this once"));
            Assert.That(link, Does.StartWith(new Uri(BaseAddress, "/console/setup?token=").ToString()));
            Assert.That(MemberRow(email), Is.Not.Null, "The new member is listed");
        });

        Browser.GoTo("/console/staff");
        Assert.Multiple(() =>
        {
            Assert.That(FindAll(Browser, "#setup-link"), Is.Empty, "The link is not shown again");
            Assert.That(Browser.Driver.PageSource, Does.Not.Contain(new Uri(link).Query[1..]));
        });

        var newcomer = AnotherBrowser();
        ChoosePassword(newcomer, link);
        Assert.Multiple(() =>
        {
            Assert.That(Find(newcomer, "h1").Text, Is.EqualTo("Review queue"));
            Assert.That(Find(newcomer, ".site-header__name").Text, Does.Contain(name).And.Contain("reviewer"));
        });

        Submit(Browser, MemberRow(email)!.FindElement(OpenQA.Selenium.By.CssSelector("form[action$='/status'] button")));
        Assert.Multiple(() =>
        {
            Assert.That(MainText(Browser), Does.Contain($"{name}: Status changed."));
            Assert.That(MemberRow(email)!.FindElement(OpenQA.Selenium.By.CssSelector("td[data-label=Status]")).Text, Does.StartWith("disabled"));
        });

        newcomer.GoTo("/console");
        Assert.That(newcomer.Url.AbsolutePath, Is.EqualTo(SignInPath), "A disabled member's next page is the sign-in page");
    }

    [Test]
    public async Task Member_CreatesAnApiKeyOnTheAccountPage_SeesItOnce_AndItWorksOnTheApi()
    {
        var member = await SignedInMemberAsync(Browser, "viewer", "Joan Clarke");
        var account = Browser.Driver.FindElement(OpenQA.Selenium.By.LinkText("Account"));
        account.Click();
        WaitForNextPage(Browser, account);
        Assert.That(Find(Browser, "h1").Text, Is.EqualTo("Your account"));

        Browser.FieldLabelled("Name of a new key").SendKeys("Weekly report script");
        Submit(Browser, Browser.Button("Create key"));

        var key = Find(Browser, "#new-key code").Text;
        Assert.That(key, Does.StartWith("tks_"));
        Assert.That(Find(Browser, "#new-key").Text, Does.Contain("shown this once"));

        var me = (await Api.GetAsync("/api/v1/admin/me", key)).ExpectStatus(HttpStatusCode.OK).Data;
        Assert.Multiple(() =>
        {
            Assert.That(me["type"]!.GetValue<string>(), Is.EqualTo("staff"));
            Assert.That(me["role"]!.GetValue<string>(), Is.EqualTo("viewer"));
            Assert.That(me["staff"]!["id"]!.GetValue<string>(), Is.EqualTo(member.Id));
            Assert.That(me["staff"]!["name"]!.GetValue<string>(), Is.EqualTo(member.Name));
        });

        Browser.GoTo("/console/account");
        Assert.Multiple(() =>
        {
            Assert.That(FindAll(Browser, "#new-key"), Is.Empty);
            Assert.That(Browser.Driver.PageSource, Does.Not.Contain(key), "The key is shown once only");
            Assert.That(MainText(Browser), Does.Contain("Weekly report script"), "The key is listed by its name");
        });
    }

    private static void SignOut(Support.Browser browser) => Submit(browser, browser.Button("Sign out"));

    private OpenQA.Selenium.IWebElement? MemberRow(string email) =>
        FindAll(Browser, "#staff tbody tr").SingleOrDefault(row => row.FindElement(OpenQA.Selenium.By.CssSelector("td[data-label=Email]")).Text == email);
}
