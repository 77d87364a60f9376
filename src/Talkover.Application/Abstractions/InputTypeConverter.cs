using System.ComponentModel;
using System.Globalization;

namespace Talkover.Application.Abstractions;

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
