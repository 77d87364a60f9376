using NUnit.Framework.Interfaces;

namespace Talkover.Api.Tests.Support;

/// <summary>
/// One running service per fixture (<see cref="ApiTestBase"/>) and a fresh headless Chromium per test,
/// pointed at it. A failed test leaves a screenshot of where it stopped (<c>screenshots/failed-…png</c>).
/// </summary>
public abstract class BrowserTestBase : ApiTestBase
{
    private Browser? _browser;

    protected Browser Browser => _browser ?? throw new InvalidOperationException("The browser starts in [SetUp].");

    /// <summary>
    /// Every browser of a fixture signs in and out from one loopback address; the stories are not about
    /// throttling (RateLimitTests are), so that address may load as many sign-in pages as they need.
    /// </summary>
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["RateLimits:AnonymousPerMinute"] = "100000" };

    /// <summary>The service's address, as the browser reaches it (the loopback port Kestrel listens on).</summary>
    protected Uri BaseAddress => Api.Http.BaseAddress!;

    [SetUp]
    public void StartBrowser()
    {
        _browser = Browser.Start(BaseAddress);
    }

    [TearDown]
    public void StopBrowser()
    {
        if (_browser is null)
        {
            return;
        }

        try
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
            {
                var name = string.Concat(TestContext.CurrentContext.Test.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
                TestContext.Out.WriteLine($"Screenshot of the failure: {_browser.Screenshot($"failed-{name}")}");
            }
        }
        catch (OpenQA.Selenium.WebDriverException)
        {
            // The browser itself is what failed; nothing to show.
        }
        finally
        {
            _browser.Dispose();
            _browser = null;
        }
    }
}
