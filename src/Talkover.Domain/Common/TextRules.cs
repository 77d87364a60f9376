using System.Text;

namespace Talkover.Domain.Common;

/// <summary>Length and character rules shared by free-text fields (reasons, notes).</summary>
public static class TextRules
{
    /// <summary>Length in Unicode code points, so an emoji counts once.</summary>
    public static int CodePointLength(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    public static bool HasForbiddenControlCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The problem with an already-trimmed text, or null when it fits.</summary>
    public static string? Problem(string trimmed, int minLength, int maxLength)
    {
        if (HasForbiddenControlCharacter(trimmed))
        {
            return "must not contain control characters";
        }

        var length = CodePointLength(trimmed);
        if (length < minLength || length > maxLength)
        {
            return minLength <= 1 ? $"must be at most {maxLength} characters" : $"must be between {minLength} and {maxLength} characters";
        }

        return null;
    }
}
