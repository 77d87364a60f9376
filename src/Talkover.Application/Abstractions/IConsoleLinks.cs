namespace Talkover.Application.Abstractions;

/// <summary>Absolute links into the review console, as the member who receives them will open them.</summary>
public interface IConsoleLinks
{
    /// <summary>The page where a member chooses a password with a setup token.</summary>
    string SetupUrl(string token);
}
