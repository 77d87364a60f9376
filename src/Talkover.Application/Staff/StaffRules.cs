using System.Net.Mail;
using Talkover.Application.Validation;
using Talkover.Domain.Common;

namespace Talkover.Application.Staff;

/// <summary>What a staff member's email, name, password and key name must be.</summary>
public static class StaffRules
{
    public const int MaxEmailLength = 320;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 1024;

    public static string? EmailProblem(string email)
    {
        var trimmed = email.Trim();
        if (trimmed.Length is 0 or > MaxEmailLength || TextRules.HasForbiddenControlCharacter(trimmed) || trimmed.Any(char.IsWhiteSpace)
            || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !parsed.Host.Contains('.'))
        {
            return $"must be an email address (at most {MaxEmailLength} characters)";
        }

        return null;
    }

    public static string? NameProblem(string name) => NameRules.Problem(name);

    public static string? PasswordProblem(string password) =>
        TextRules.CodePointLength(password) < MinPasswordLength ? $"must be at least {MinPasswordLength} characters"
        : password.Length > MaxPasswordLength ? $"must be at most {MaxPasswordLength} characters"
        : TextRules.HasForbiddenControlCharacter(password) ? "must not contain control characters"
        : null;
}
