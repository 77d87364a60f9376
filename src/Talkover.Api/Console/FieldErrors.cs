using FluentValidation;

namespace Talkover.Api.ReviewConsole;

/// <summary>The message a form shows next to one field, from the same validation the API answers 422 with.</summary>
public static class FieldErrors
{
    public static string? For(ValidationException exception, string field)
    {
        var messages = exception.Errors.Where(e => e.PropertyName == field).Select(e => e.ErrorMessage).Distinct().ToList();
        return messages.Count == 0 ? null : Sentence(string.Join("; ", messages));
    }

    // Validation messages name their field the API's way ("new_password must be at least 12 characters").
    private static string Sentence(string message) =>
        $"{char.ToUpperInvariant(message[0])}{message[1..].Replace('_', ' ')}.";
}
