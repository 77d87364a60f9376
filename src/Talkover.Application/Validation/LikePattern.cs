namespace Talkover.Application.Validation;

/// <summary>Substring search through SQL LIKE with <c>ESCAPE '\'</c>: the user's % and _ match themselves.</summary>
public static class LikePattern
{
    public const int MaxSearchLength = 100;

    public static string Contains(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
