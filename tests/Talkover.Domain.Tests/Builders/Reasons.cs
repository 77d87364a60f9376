namespace Talkover.Domain.Tests.Builders;

internal static class Reasons
{
    public const string Valid = "We migrated outbound calling to a new toll-free number and no longer need this DID.";

    /// <summary>U+1F4DE TELEPHONE RECEIVER: one code point, two UTF-16 chars.</summary>
    public const string Emoji = "\U0001F4DE";

    public static string Letters(int count) => new('a', count);

    public static string Emojis(int count) => string.Concat(Enumerable.Repeat(Emoji, count));
}
