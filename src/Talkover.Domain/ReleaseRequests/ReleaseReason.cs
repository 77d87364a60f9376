using Talkover.Domain.Common;

namespace Talkover.Domain.ReleaseRequests;

/// <summary>
/// Why a customer wants a number released: trimmed, 10–500 Unicode code points,
/// no control characters other than line breaks and tabs.
/// </summary>
public sealed record ReleaseReason
{
    public const int MinLength = 10;
    public const int MaxLength = 500;

    private ReleaseReason(string value) => Value = value;

    public string Value { get; }

    /// <summary>The rule the text breaks, or null when it is an acceptable reason.</summary>
    public static string? Problem(string text) => TextRules.Problem(text.Trim(), MinLength, MaxLength);

    public static ReleaseReason From(string text)
    {
        var problem = Problem(text);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(text));
        }

        return new ReleaseReason(text.Trim());
    }

    public override string ToString() => Value;
}
