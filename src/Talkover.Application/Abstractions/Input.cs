using System.ComponentModel;
using System.Globalization;

namespace Talkover.Application.Abstractions;

/// <summary>Whether a client sent a field, and whether it had the expected JSON type.</summary>
public enum InputState
{
    Missing,
    Provided,
    WrongType,
}

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

/// <summary>
/// Says that an <see cref="Input{T}"/> comes from one piece of text (a query-string value), so web
/// frameworks treat it as a simple parameter; the web layer reads the text itself.
/// </summary>
public sealed class InputTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        throw new NotSupportedException("Input<T> values are read by the web layer's binder.");
}
