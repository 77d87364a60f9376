using System.Net;
using OpenQA.Selenium;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests.Browser;

/// <summary>
/// Reviewing release requests in the console, in a real Chromium: the queue, a request's page, approving
/// (with its confirmation step) and rejecting, two reviewers at once, and what a viewer may not do.
/// </summary>
public sealed class ReviewConsoleTests : ConsoleStoryBase
{
    private const string LongReason =
        "The clinic moved to a new building and the old front desk line was replaced by the new reception number last month.";

    [Test]
    public async Task Reviewer_ReadsTheQueue_ApprovesAfterTheConfirmationStep_AndIsNamedInTheHistory()
    {
        var environmentName = $"Northwind Dental {Guid.NewGuid().ToString("N")[..6]}";
        var environment = await Api.CreateEnvironmentAsync(environmentName);
        var number = ApiClient.NewNumber();
        var phoneNumberId = await Api.ProvisionAsync(environment, number);
        var requestId = (await Api.RequestReleaseAsync(environment.Token, phoneNumberId, LongReason)).ExpectStatus(HttpStatusCode.Created).Data["id"]!.GetValue<string>();
        var formatted = $"+1 {number[2..5]}-{number[5..8]}-{number[8..]}";

        var reviewer = await SignedInMemberAsync(Browser, "reviewer", "Grace Hopper");

        // The queue, where choosing a password led.
        var row = FindAll(Browser, "#queue tbody tr").SingleOrDefault(r => r.FindElement(By.CssSelector("td[data-label=Number]")).Text == formatted);
        Assert.That(row, Is.Not.Null, $"The queue lists {formatted}: {MainText(Browser)}");
        var reason = row!.FindElement(By.CssSelector("td[data-label=Reason]")).Text;
        Assert.Multiple(() =>
        {
            Assert.That(row.FindElement(By.CssSelector("td[data-label=Environment]")).Text, Is.EqualTo(environmentName));
            Assert.That(reason, Does.EndWith("…").And.Length.LessThanOrEqualTo(80), "A long reason is shortened");
            Assert.That(LongReason.StartsWith(reason.TrimEnd('…'), StringComparison.Ordinal), Is.True, $"\"{reason}\" is the reason's beginning");
            Assert.That(row.FindElement(By.CssSelector("td[data-label=Age]")).Text, Is.EqualTo("just now"));
        });
        Browser.Screenshot("queue");

        var link = row.FindElement(By.LinkText(formatted));
        link.Click();
        WaitForNextPage(Browser, link);
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Url.AbsolutePath, Is.EqualTo($"/console/requests/{requestId}"));
            Assert.That(Find(Browser, "h1").Text, Is.EqualTo($"Release of {formatted}"));
            Assert.That(Find(Browser, "#status").Text, Is.EqualTo("pending"));
            Assert.That(Find(Browser, ".reason").Text, Is.EqualTo(LongReason), "The request's page shows the whole reason");
            Assert.That(MainText(Browser), Does.Contain($"Environment {environmentName}"), "The request's page names the environment");
        });
        Browser.Screenshot("request");

        const string note = "Checked with the clinic's office manager.";
        Browser.FieldLabelled("Note (optional)").SendKeys(note);
        Submit(Browser, Browser.Button("Approve…"));

        Assert.Multiple(() =>
        {
            Assert.That(Find(Browser, "h1").Text, Is.EqualTo($"Approve the release of {formatted}?"));
            Assert.That(Find(Browser, "[role=alert]").Text, Does.Contain("This cannot be undone.").And.Contain($"{environmentName} loses it"));
            Assert.That(MainText(Browser), Does.Contain(note), "The confirmation step repeats the note");
        });
        Assert.That((await RequestFromApiAsync(requestId))["status"]!.GetValue<string>(), Is.EqualTo("pending"), "Nothing is decided before the confirmation");

        Submit(Browser, Browser.Button($"Yes, release {formatted} for good"));

        var history = Find(Browser, "#history").Text;
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Url.AbsolutePath, Is.EqualTo($"/console/requests/{requestId}"));
            Assert.That(Find(Browser, "#status").Text, Is.EqualTo("approved"));
            Assert.That(history, Does.Contain($"approved by {reviewer.Name} ({reviewer.Email})"));
            Assert.That(history, Does.Contain(note));
            Assert.That(FindAll(Browser, "form[action$='/approve'], form[action$='/reject']"), Is.Empty, "A decided request offers no decision");
        });

        var stored = await RequestFromApiAsync(requestId);
        var approval = stored["history"]!.AsArray().Last()!;
        Assert.Multiple(() =>
        {
            Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("approved"));
            Assert.That(approval["to_status"]!.GetValue<string>(), Is.EqualTo("approved"));
            Assert.That(approval["note"]!.GetValue<string>(), Is.EqualTo(note));
            Assert.That(approval["actor"]!["type"]!.GetValue<string>(), Is.EqualTo("staff"));
            Assert.That(approval["actor"]!["name"]!.GetValue<string>(), Is.EqualTo(reviewer.Name));
            Assert.That(approval["actor"]!["id"]!.GetValue<string>(), Is.EqualTo(reviewer.Id));
        });
    }

    [Test]
    public async Task Reviewer_RejectsWithATooShortNote_SeesTheErrorNextToTheNote_AndTheRequestStaysPending()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var requestId = await Api.CreatePendingRequestAsync(environment);
        await SignedInMemberAsync(Browser, "reviewer", "Alan Turing");
        Browser.GoTo($"/console/requests/{requestId}");

        Browser.FieldLabelled("Note (10–500 characters)").SendKeys("Too short");
        Submit(Browser, Browser.Button("Reject"));

        var note = Browser.FieldLabelled("Note (10–500 characters)");
        var error = Find(Browser, "#reject-note-error");
        Assert.Multiple(() =>
        {
            Assert.That(error.Displayed, Is.True);
            Assert.That(error.Text, Does.Contain("10"), "The error says how long a note must be");
            Assert.That(note.GetAttribute("aria-describedby"), Is.EqualTo("reject-note-error"), "The note field is described by its error");
            Assert.That(note.GetAttribute("aria-invalid"), Is.EqualTo("true"));
            Assert.That(note.GetAttribute("value"), Is.EqualTo("Too short"), "What was typed is kept");
            Assert.That(Find(Browser, "#status").Text, Is.EqualTo("pending"));
        });
        var stored = await RequestFromApiAsync(requestId);
        Assert.Multiple(() =>
        {
            Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(stored["history"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task TwoReviewersApproveTheSameRequest_TheSecondIsToldWhoWasFirst_AndThereIsOneDecision()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var requestId = await Api.CreatePendingRequestAsync(environment);
        var first = await SignedInMemberAsync(Browser, "reviewer", "Katherine Johnson");
        var secondBrowser = AnotherBrowser();
        await SignedInMemberAsync(secondBrowser, "reviewer", "Dorothy Vaughan");

        // Both open the request and reach the confirmation step.
        foreach (var browser in new[] { Browser, secondBrowser })
        {
            browser.GoTo($"/console/requests/{requestId}");
            Submit(browser, browser.Button("Approve…"));
            Assert.That(Find(browser, "[role=alert]").Text, Does.Contain("This cannot be undone."));
        }

        Submit(Browser, Find(Browser, "form[action$='/approve'] button[type=submit]"));
        Assert.That(Find(Browser, "#status").Text, Is.EqualTo("approved"));

        Submit(secondBrowser, Find(secondBrowser, "form[action$='/approve'] button[type=submit]"));

        Assert.Multiple(() =>
        {
            Assert.That(Find(secondBrowser, "#notice").Text, Does.StartWith($"Already approved by {first.Name} at ").And.Contain("Nothing was changed."));
            Assert.That(Find(secondBrowser, "#status").Text, Is.EqualTo("approved"));
            Assert.That(FindAll(secondBrowser, "form[action$='/approve'], form[action$='/reject']"), Is.Empty);
        });
        var history = (await RequestFromApiAsync(requestId))["history"]!.AsArray();
        Assert.That(history.Select(change => change!["to_status"]!.GetValue<string>()), Is.EqualTo(new[] { "pending", "approved" }),
            "One request, one decision");
        Assert.That(history[1]!["actor"]!["name"]!.GetValue<string>(), Is.EqualTo(first.Name));
    }

    [Test]
    public async Task Viewer_ReadsARequestWithoutDecisionForms_AndAForgedApprovalFromTheirSessionIsRefused()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var requestId = await Api.CreatePendingRequestAsync(environment);
        await SignedInMemberAsync(Browser, "viewer", "Ada Lovelace");
        Browser.GoTo($"/console/requests/{requestId}");

        Assert.Multiple(() =>
        {
            Assert.That(Find(Browser, "#status").Text, Is.EqualTo("pending"));
            Assert.That(FindAll(Browser, "form[action$='/approve'], form[action$='/reject']"), Is.Empty, "No approve or reject form");
            Assert.That(FindAll(Browser, "textarea"), Is.Empty);
            Assert.That(Find(Browser, "#read-only").Text, Does.Contain("needs the reviewer role"));
        });

        // The viewer's own session and a genuine antiforgery token from their page: only the role is missing.
        var client = ClientWithCookiesOf(Browser);
        using var response = await client.PostAsync($"/console/requests/{requestId}/approve",
            Form(("__RequestVerificationToken", AntiforgeryToken(Browser)), ("Confirmed", "yes"), ("Note", "Forged.")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await response.Content.ReadAsStringAsync());
        var stored = await RequestFromApiAsync(requestId);
        Assert.Multiple(() =>
        {
            Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(stored["history"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task AnApprovalPostedWithoutTheAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var requestId = await Api.CreatePendingRequestAsync(environment);
        await SignedInMemberAsync(Browser, "reviewer", "Margaret Hamilton");
        Browser.GoTo($"/console/requests/{requestId}");

        // A reviewer's valid session, as another site's form would send it, but without the page's token.
        var client = ClientWithCookiesOf(Browser);
        using var response = await client.PostAsync($"/console/requests/{requestId}/approve", Form(("Confirmed", "yes")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var stored = await RequestFromApiAsync(requestId);
        Assert.Multiple(() =>
        {
            Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(stored["history"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task OnA375PixelScreen_TheRequestPageDoesNotScrollSideways_AndApproveWorksFromTheKeyboard()
    {
        var environment = await Api.CreateEnvironmentAsync("A rather long environment name for a narrow phone screen");
        var requestId = await Api.CreatePendingRequestAsync(environment);
        await SignedInMemberAsync(Browser, "reviewer", "Radia Perlman");

        Browser.SetWidth(375);
        Browser.GoTo($"/console/requests/{requestId}");

        Assert.Multiple(() =>
        {
            Assert.That(Browser.Script<long>("return window.innerWidth;"), Is.EqualTo(375));
            Assert.That(Browser.Script<long>("return document.documentElement.scrollWidth;"), Is.LessThanOrEqualTo(Browser.Script<long>("return window.innerWidth;")),
                "The page does not scroll sideways");
        });
        Browser.Screenshot("request-375");

        var approve = Browser.Button("Approve…");
        var reached = new List<string>();
        for (var presses = 0; presses < 30 && !Browser.Focused.Equals(approve); presses++)
        {
            Browser.PressTab();
            reached.Add($"{Browser.Focused.TagName}:{Collapse(Browser.Focused.Text)}");
        }

        Assert.That(Browser.Focused, Is.EqualTo(approve), $"Tab reaches Approve…: {string.Join(" → ", reached)}");
        Browser.Focused.SendKeys(Keys.Enter);
        WaitForNextPage(Browser, approve);

        Assert.That(Find(Browser, "[role=alert]").Text, Does.Contain("This cannot be undone."), "Enter on Approve… opens the confirmation step");
        Assert.That(Browser.Script<long>("return document.documentElement.scrollWidth;"), Is.LessThanOrEqualTo(375), "The confirmation step fits too");
    }
}
