using System.ComponentModel;

namespace Talkover.Application.Abstractions;

/// <summary>
/// A request field as the client sent it. Keeping "missing" and "wrong type" apart lets
/// validation report a non-string reason as a field error, and lets an omitted field mean "leave unchanged".
/// </summary>
[TypeConverter(typeof(InputTypeConverter))]
public readonly record struct Input<T>
{
    private Input(InputState state, T? value)
    {
        State = state;
        Value = value;
    }

    public InputState State { get; }

    public T? Value { get; }

    public bool IsMissing => State == InputState.Missing;

    public bool IsProvided => State == InputState.Provided;

    public static Input<T> Missing => default;

    public static Input<T> WrongType => new(InputState.WrongType, default);

    public static Input<T> Of(T value) => new(InputState.Provided, value);

    public T? ValueOr(T? fallback) => IsProvided ? Value : fallback;

    public static implicit operator Input<T>(T value) => Of(value);
}
