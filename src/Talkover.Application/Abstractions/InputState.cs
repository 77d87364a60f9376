namespace Talkover.Application.Abstractions;

/// <summary>Whether a client sent a field, and whether it had the expected JSON type.</summary>
public enum InputState
{
    Missing,
    Provided,
    WrongType,
}
