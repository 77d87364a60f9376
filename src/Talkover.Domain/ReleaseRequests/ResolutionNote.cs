using Talkover.Domain.Common;

namespace Talkover.Domain.ReleaseRequests;

/// <summary>
/// A note on a decision or a cancellation: trimmed, at most 500 code points, no control characters
/// other than line breaks and tabs. A rejection must explain itself (at least 10).
/// </summary>
public static class ResolutionNote
{
    public const int MaxLength = 500;
    public const int RejectionMinLength = 10;

    public static string? OptionalProblem(string text) => TextRules.Problem(text.Trim(), 0, MaxLength);

    public static string? RejectionProblem(string text) => TextRules.Problem(text.Trim(), RejectionMinLength, MaxLength);

    /// <summary>The stored form: trimmed, and null when nothing is left.</summary>
    public static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
