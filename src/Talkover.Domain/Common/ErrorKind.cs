namespace Talkover.Domain.Common;

/// <summary>What kind of rule a <see cref="DomainException"/> reports; the API turns it into a status code.</summary>
public enum ErrorKind
{
    NotFound,
    Forbidden,
    Conflict,
    RuleViolation,
}
