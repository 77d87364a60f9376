using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests.Browser;

/// <summary>The console's sign-in page in a real Chromium: reachable by keyboard, self-contained, readable on a phone.</summary>
public sealed class SignInPageTests : BrowserTestBase
{
    private const string SignIn = "/console/sign-in";

    [Test]
    public void SignInPage_HasLabelledEmailAndPasswordAndASignInButton()
    {
        Browser.GoTo(SignIn);

        Assert.Multiple(() =>
        {
            Assert.That(Browser.Driver.Title, Does.StartWith("Sign in"));
            Assert.That(Browser.FieldLabelled("Email").GetAttribute("type"), Is.EqualTo("email"));
            Assert.That(Browser.FieldLabelled("Password").GetAttribute("type"), Is.EqualTo("password"));
            Assert.That(Browser.Button("Sign in").GetAttribute("type"), Is.EqualTo("submit"));
        });
        Browser.Screenshot("sign-in");
    }

    [Test]
    public void SignInPage_FromTheTop_TabReachesSkipLinkThenEmailPasswordAndSignIn()
    {
        Browser.GoTo(SignIn);
        var email = Browser.FieldLabelled("Email");
        var password = Browser.FieldLabelled("Password");
        var button = Browser.Button("Sign in");

        // Each Tab from the top of the page, until the button has the focus (or far too many presses).
        var reached = new List<string>();
        for (var presses = 0; presses < 15 && !Focused(button); presses++)
        {
            Browser.PressTab();
            var focused = Browser.Focused;
            reached.Add(focused.Equals(email) ? "Email" : focused.Equals(password) ? "Password" : focused.Equals(button) ? "Sign in" : $"{focused.TagName}:{focused.Text}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(reached.FirstOrDefault(), Is.EqualTo("a:Skip to main content"), "The first Tab lands on the skip link");
            Assert.That(reached.Where(name => name is "Email" or "Password" or "Sign in"), Is.EqualTo(new[] { "Email", "Password", "Sign in" }),
                $"Tab order from the top: {string.Join(" → ", reached)}");
        });
    }

    [Test]
    public void SignInPage_SkipLink_MovesTheFocusToTheMainContent()
    {
        Browser.GoTo(SignIn);

        Browser.PressTab();
        Browser.Focused.SendKeys(OpenQA.Selenium.Keys.Enter);

        Assert.That(Browser.Focused.GetAttribute("id"), Is.EqualTo("main"));
    }

    [Test]
    public void SignInPage_LoadsNothingFromAnotherOrigin_AndBreaksNoContentSecurityRule()
    {
        Browser.GoTo(SignIn);

        // What the markup points at, and what the browser really fetched.
        var referenced = Browser.Script<IReadOnlyCollection<object>>(
            "return Array.from(document.querySelectorAll('link[href], script[src], img[src], iframe[src], source[src], video[src], audio[src]')).map(e => e.href || e.src);");
        var fetched = Browser.Script<IReadOnlyCollection<object>>("return performance.getEntriesByType('resource').map(e => e.name);");
        var origin = BaseAddress.GetLeftPart(UriPartial.Authority);
        var fontFamily = Browser.Script<string>("return getComputedStyle(document.body).fontFamily;");

        Assert.Multiple(() =>
        {
            Assert.That(referenced.Cast<string>(), Is.Not.Empty.And.All.StartsWith(origin + "/"), "Every <link>, <script>, <img> is on the service's own origin");
            Assert.That(fetched.Cast<string>(), Is.Not.Empty.And.All.StartsWith(origin + "/"), "Every request the page made went to the service's own origin");
            Assert.That(fontFamily, Does.StartWith("system-ui"), "The console's stylesheet loaded and applies (system font stack)");
            Assert.That(Browser.ConsoleMessages(), Is.Empty, "The browser reported nothing: no blocked content, no missing file (favicon included)");
        });
    }

    [Test]
    public void SignInPage_At375PixelsWide_HasNoHorizontalScrolling()
    {
        Browser.SetWidth(375);
        Browser.GoTo(SignIn);

        var viewport = Browser.Script<long>("return window.innerWidth;");
        var content = Browser.Script<long>("return document.documentElement.scrollWidth;");
        var button = Browser.Button("Sign in");
        var buttonRight = Browser.Script<double>("return arguments[0].getBoundingClientRect().right;", button);
        Browser.Screenshot("sign-in-375");

        Assert.Multiple(() =>
        {
            Assert.That(viewport, Is.EqualTo(375), "The page is laid out 375 px wide");
            Assert.That(content, Is.LessThanOrEqualTo(viewport), "The page does not scroll sideways");
            Assert.That(buttonRight, Is.LessThanOrEqualTo(viewport), "The Sign in button is fully on screen");
            Assert.That(Browser.FieldLabelled("Email").Displayed, Is.True);
        });
    }

    [Test]
    public void SignIn_WithUnknownCredentials_SaysSoGenericallyKeepsTheEmailAndClearsThePassword()
    {
        Browser.GoTo(SignIn);
        Browser.FieldLabelled("Email").SendKeys("nobody@talkover.example");
        Browser.FieldLabelled("Password").SendKeys("not-the-password");

        Browser.Button("Sign in").Click();

        // The answer takes a password check's time (as for any failure): wait for the page that carries it.
        var alert = new OpenQA.Selenium.Support.UI.WebDriverWait(Browser.Driver, TimeSpan.FromSeconds(30))
            .Until(driver => driver.FindElements(OpenQA.Selenium.By.CssSelector("[role=alert]")).FirstOrDefault());
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Url.AbsolutePath, Is.EqualTo(SignIn));
            Assert.That(alert.Text, Is.EqualTo(Talkover.Api.ReviewConsole.SignInController.FailedMessage));
            Assert.That(Browser.FieldLabelled("Email").GetAttribute("value"), Is.EqualTo("nobody@talkover.example"));
            Assert.That(Browser.FieldLabelled("Password").GetAttribute("value"), Is.Empty);
        });
        Browser.Screenshot("sign-in-failed");
    }

    private bool Focused(OpenQA.Selenium.IWebElement element) => Browser.Focused.Equals(element);
}
