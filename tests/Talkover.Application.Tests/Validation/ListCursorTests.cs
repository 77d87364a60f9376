using FluentValidation;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Tests.Validation;

public sealed class ListCursorTests
{
    private static readonly string Scope = ListCursor.Scope("phone_numbers", Guid.Parse("0194a3b2-0000-7000-8000-000000000001"), "voice", true, null, null);

    private static PageRequest WithCursor(string cursor) => new(Input<int>.Missing, Input<int>.Missing, cursor);

    [Test]
    public void Window_WhenTheCursorComesFromTheSameList_ContinuesAfterItsLastRow()
    {
        var last = new ListPosition(new DateTime(2026, 11, 30, 12, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567), Guid.CreateVersion7(), 40);
        var cursor = ListCursor.Write(last, Scope);

        var window = ListCursor.Window(WithCursor(cursor), Scope);

        Assert.Multiple(() =>
        {
            Assert.That(window.After, Is.EqualTo(last), "to the tick, so rows with the same second are neither skipped nor repeated");
            Assert.That(window.Skip, Is.Zero);
            Assert.That(window.RowsBefore, Is.EqualTo(40));
            Assert.That(cursor, Does.Match("^[A-Za-z0-9_-]+$"), "safe in a query string as it is");
        });
    }

    [Test]
    public void Window_WhenTheCursorComesFromAnotherFilterSetOrOwner_IsRefusedOnCursor()
    {
        var cursor = ListCursor.Write(new ListPosition(DateTime.UtcNow, Guid.CreateVersion7(), 20), Scope);
        var otherFilter = ListCursor.Scope("phone_numbers", Guid.Parse("0194a3b2-0000-7000-8000-000000000001"), "sms", true, null, null);
        var otherOwner = ListCursor.Scope("phone_numbers", Guid.Parse("0194a3b2-0000-7000-8000-000000000002"), "voice", true, null, null);
        var otherList = ListCursor.Scope("agents", Guid.Parse("0194a3b2-0000-7000-8000-000000000001"), "voice", true, null, null);

        foreach (var scope in new[] { otherFilter, otherOwner, otherList })
        {
            var refused = Assert.Throws<ValidationException>(() => ListCursor.Window(WithCursor(cursor), scope));
            Assert.That(refused!.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "cursor" }));
        }
    }

    [TestCase("")]
    [TestCase("AAAA")]
    [TestCase("not a cursor")]
    [TestCase("////////////////////////////////////////////////////////")]
    [TestCase("%00")]
    public void Window_WhenTheCursorIsNotOne_IsRefusedOnCursor(string cursor)
    {
        Assert.Throws<ValidationException>(() => ListCursor.Window(WithCursor(cursor), Scope));
    }

    [Test]
    public void Window_WhenTheCursorsFingerprintIsAltered_IsRefused()
    {
        var cursor = ListCursor.Write(new ListPosition(DateTime.UtcNow, Guid.CreateVersion7(), 20), Scope);
        var tampered = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];

        Assert.Throws<ValidationException>(() => ListCursor.Window(WithCursor(tampered), Scope), "the fingerprint ends the cursor");
    }

    [Test]
    public void Window_WithoutACursor_ReadsThePageInsideTheWindow()
    {
        var window = ListCursor.Window(new PageRequest(3, 20), Scope);

        Assert.That(window, Is.EqualTo(new ListWindow(40, 20, null, 40)));
    }
}
