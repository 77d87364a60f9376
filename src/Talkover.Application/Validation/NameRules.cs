using Talkover.Domain.Common;

namespace Talkover.Application.Validation;

/// <summary>Names and labels: 1–255 characters after trimming, no control characters.</summary>
public static class NameRules
{
    public const int MaxLength = 255;

    public static string? Problem(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "must not be empty";
        }

        return TextRules.Problem(trimmed, 1, MaxLength);
    }
}
