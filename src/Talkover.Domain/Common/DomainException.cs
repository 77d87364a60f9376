namespace Talkover.Domain.Common;

/// <summary>The one error type the domain throws: a broken rule, named by its API code.</summary>
public sealed class DomainException(ErrorKind kind, string code, string message) : Exception(message)
{
    public ErrorKind Kind { get; } = kind;

    public string Code { get; } = code;
}
