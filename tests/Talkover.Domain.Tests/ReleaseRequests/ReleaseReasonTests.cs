using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Tests.Builders;

namespace Talkover.Domain.Tests.ReleaseRequests;

[TestFixture]
public sealed class ReleaseReasonTests
{
    private const string LengthProblem = "must be between 10 and 500 characters";
    private const string ControlProblem = "must not contain control characters";

    [Test]
    public void From_WhenTextHasSurroundingWhitespace_KeepsTheTrimmedText()
    {
        var reason = ReleaseReason.From("  \t\n" + Reasons.Valid + " \r\n ");

        Assert.That(reason.Value, Is.EqualTo(Reasons.Valid));
    }

    [TestCase(10)]
    [TestCase(500)]
    public void From_WhenLengthIsAtABound_Accepts(int length)
    {
        var text = Reasons.Letters(length);

        Assert.That(ReleaseReason.From(text).Value, Is.EqualTo(text));
    }

    [TestCase(9)]
    [TestCase(501)]
    public void From_WhenLengthIsJustOutsideTheBounds_ThrowsWithTheLengthProblem(int length)
    {
        Assert.That(() => ReleaseReason.From(Reasons.Letters(length)), Throws.ArgumentException.With.Message.StartsWith(LengthProblem));
    }

    [Test]
    public void Problem_WhenTrimmingLeavesNineCharacters_ReportsLength()
    {
        Assert.That(ReleaseReason.Problem("   " + Reasons.Letters(9) + "   "), Is.EqualTo(LengthProblem));
    }

    [TestCase(10)]
    [TestCase(500)]
    public void Problem_WhenEmojiCountIsAtABound_AcceptsBecauseLengthIsCountedInCodePoints(int count)
    {
        var text = Reasons.Emojis(count);
        Assume.That(text, Has.Length.EqualTo(2 * count), "each emoji is a surrogate pair");

        Assert.That(ReleaseReason.Problem(text), Is.Null);
    }

    [TestCase(9)]
    [TestCase(501)]
    public void Problem_WhenEmojiCountIsJustOutsideTheBounds_ReportsLength(int count)
    {
        Assert.That(ReleaseReason.Problem(Reasons.Emojis(count)), Is.EqualTo(LengthProblem));
    }

    [Test]
    public void From_WhenTenEmojis_KeepsThemIntact()
    {
        var text = Reasons.Emojis(10);

        Assert.That(ReleaseReason.From(text).Value, Is.EqualTo(text));
    }

    [TestCase("\0")]
    [TestCase("\u0001")]
    [TestCase("\u0007")]
    [TestCase("\u001B")]
    [TestCase("\u007F")]
    [TestCase("\u0085")]
    public void Problem_WhenTextContainsAControlCharacter_ReportsControlCharacters(string control)
    {
        var text = "Please release" + control + " this number";

        Assert.That(ReleaseReason.Problem(text), Is.EqualTo(ControlProblem));
        Assert.That(() => ReleaseReason.From(text), Throws.ArgumentException.With.Message.StartsWith(ControlProblem));
    }

    [Test]
    public void Problem_WhenTextEndsWithNul_ReportsControlCharacters()
    {
        Assert.That(ReleaseReason.Problem(Reasons.Valid + "\0"), Is.EqualTo(ControlProblem));
    }

    [TestCase("\n")]
    [TestCase("\r")]
    [TestCase("\t")]
    [TestCase("\r\n")]
    public void From_WhenTextContainsALineBreakOrTab_AcceptsAndKeepsIt(string allowed)
    {
        var text = "First line" + allowed + "second line";

        Assert.That(ReleaseReason.From(text).Value, Is.EqualTo(text));
    }

    [TestCase("")]
    [TestCase("            ")]
    [TestCase(" \t\r\n \t\r\n \t\r\n ")]
    public void From_WhenTextIsOnlyWhitespace_Throws(string text)
    {
        Assert.That(() => ReleaseReason.From(text), Throws.ArgumentException.With.Message.StartsWith(LengthProblem));
    }
}
