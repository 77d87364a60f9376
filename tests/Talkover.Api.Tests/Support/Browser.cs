using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;

namespace Talkover.Api.Tests.Support;

/// <summary>
/// A real, headless Chromium driven through ChromeDriver, pointed at a running service. It uses the
/// machine's own Chromium and ChromeDriver (Debian: <c>apt-get install chromium chromium-driver</c>) and never
/// lets Selenium Manager look for or download one. Where they are missing the test is ignored with that note;
/// under CI (<c>CI=true</c>) it fails instead, so the browser suite never goes quietly missing from the pipeline.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string MissingNote = "Chromium is not installed: apt-get install chromium chromium-driver";

    private static readonly string[] BrowserNames = ["chromium", "chromium-browser"];
    private static readonly string[] DriverNames = ["chromedriver"];

    private readonly ChromeDriver _driver;
    private readonly string _profile;

    private Browser(ChromeDriver driver, string profile, Uri baseAddress)
    {
        _driver = driver;
        _profile = profile;
        BaseAddress = baseAddress;
    }

    /// <summary>Where relative addresses (<see cref="GoTo"/>) lead: the service under test.</summary>
    public Uri BaseAddress { get; }

    public IWebDriver Driver => _driver;

    /// <summary>The page's address now.</summary>
    public Uri Url => new(_driver.Url);

    /// <summary>The element that has the keyboard focus.</summary>
    public IWebElement Focused => _driver.SwitchTo().ActiveElement();

    /// <summary>
    /// Starts a fresh browser (its own empty profile) at 1280×900. Ignores the test, or fails it under CI,
    /// when Chromium or ChromeDriver is not installed.
    /// </summary>
    public static Browser Start(Uri baseAddress)
    {
        var browser = FindOnPath(BrowserNames);
        var driver = FindOnPath(DriverNames);
        if (browser is null || driver is null)
        {
            var missing = string.Join(" and ", new[] { browser is null ? "chromium" : null, driver is null ? "chromedriver" : null }.OfType<string>());
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"CI runs the browser tests, but this machine has no {missing} on PATH. Install them: apt-get install -y chromium chromium-driver");
            }

            Assert.Ignore($"{MissingNote} ({missing} not found on PATH).");
        }

        // With both paths given Selenium Manager is not consulted; offline makes sure it never reaches out if it were.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;

        var profile = Directory.CreateTempSubdirectory("talkover-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",                       // CI runs as root, where Chromium's sandbox cannot start.
            "--disable-dev-shm-usage",            // A container's small /dev/shm crashes tabs; use /tmp instead.
            "--disable-gpu",
            "--window-size=1280,900",
            $"--user-data-dir={profile}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",    // No calls home: the only traffic is to the service under test.
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--lang=en-US");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);

        ChromeDriver chrome;
        try
        {
            chrome = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        }
        catch
        {
            service.Dispose();
            TryDelete(profile);
            throw;
        }

        chrome.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        chrome.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
        return new Browser(chrome, profile, baseAddress);
    }

    /// <summary>Opens <paramref name="relativePath"/> (e.g. <c>/console/sign-in</c>) on the service and waits for it to load.</summary>
    public void GoTo(string relativePath) => _driver.Navigate().GoToUrl(new Uri(BaseAddress, relativePath));

    /// <summary>The form control whose label reads <paramref name="text"/>, as a person finds it: by <c>&lt;label for&gt;</c> or a wrapping label.</summary>
    public IWebElement FieldLabelled(string text)
    {
        var labels = _driver.FindElements(By.TagName("label")).Where(label => Normalize(label.Text) == text).ToList();
        Assert.That(labels, Has.Count.EqualTo(1), $"Expected exactly one label reading \"{text}\" on {_driver.Url}");
        var label = labels[0];
        var target = label.GetAttribute("for");
        if (!string.IsNullOrEmpty(target))
        {
            var controls = _driver.FindElements(By.Id(target));
            Assert.That(controls, Has.Count.EqualTo(1), $"The label \"{text}\" is for #{target}, which is not exactly one element");
            return controls[0];
        }

        var wrapped = label.FindElements(By.CssSelector("input, select, textarea"));
        Assert.That(wrapped, Has.Count.EqualTo(1), $"The label \"{text}\" has no for= and wraps no single control");
        return wrapped[0];
    }

    /// <summary>The button (or submit input) that reads <paramref name="text"/>.</summary>
    public IWebElement Button(string text)
    {
        var buttons = _driver.FindElements(By.CssSelector("button, input[type=submit], input[type=button]"))
            .Where(button => Normalize(button.TagName == "input" ? button.GetAttribute("value") : button.Text) == text)
            .ToList();
        Assert.That(buttons, Has.Count.EqualTo(1), $"Expected exactly one button reading \"{text}\" on {_driver.Url}");
        return buttons[0];
    }

    /// <summary>Presses Tab once, wherever the focus is.</summary>
    public void PressTab() => new Actions(_driver).SendKeys(Keys.Tab).Perform();

    /// <summary>Runs <paramref name="script"/> in the page (use <c>return …</c> to get a value back).</summary>
    public T Script<T>(string script, params object[] arguments)
    {
        var result = _driver.ExecuteScript(script, arguments);
        return result is T typed ? typed : (T)Convert.ChangeType(result!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Makes the page <paramref name="width"/> CSS pixels wide, as a phone of that width shows it
    /// (the window itself cannot be made narrower than the desktop minimum).
    /// </summary>
    public void SetWidth(int width, int height = 812)
    {
        _driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width,
            ["height"] = height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = true,
        });
    }

    /// <summary>The desktop window again, after <see cref="SetWidth"/>.</summary>
    public void ResetWidth()
    {
        _driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", new Dictionary<string, object?>());
        _driver.Manage().Window.Size = new Size(1280, 900);
    }

    /// <summary>What the page wrote to its console, CSP violations included, since the last call.</summary>
    public IReadOnlyList<string> ConsoleMessages() =>
        _driver.Manage().Logs.GetLog(LogType.Browser).Select(entry => $"{entry.Level}: {entry.Message}").ToList();

    /// <summary>
    /// Saves the visible page as <c>screenshots/<paramref name="name"/>.png</c> in the test results folder
    /// (<c>$TEST_RESULTS_DIR</c>, else the repository's <c>TestResults/</c>), attaches it to the test, and returns its path.
    /// </summary>
    public string Screenshot(string name)
    {
        var folder = Path.Combine(ResultsFolder(), "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        _driver.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, name);
        return path;
    }

    public void Dispose()
    {
        try
        {
            _driver.Quit();
        }
        finally
        {
            _driver.Dispose();
            TryDelete(_profile);
        }
    }

    private static string ResultsFolder()
    {
        if (Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        return Path.Combine(RepositoryFolder.Root, "TestResults");
    }

    private static string? FindOnPath(IEnumerable<string> names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return names.SelectMany(name => folders.Select(folder => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }

    private static string Normalize(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temp folder is cleaned up eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
