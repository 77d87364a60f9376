namespace Talkover.Api.OpenApi;

/// <summary>
/// What the OpenAPI document says about a body field or query parameter beyond its type: length limits
/// and allowed values, taken from the rule that enforces them (a constant, or a type's static <c>All</c>
/// list), so the document never holds a second copy. Validation itself stays in the validators.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FieldAttribute : Attribute
{
    /// <summary>A request without this field is refused (422).</summary>
    public bool Required { get; init; }

    /// <summary>Fewest characters (code points), or -1 for none.</summary>
    public int MinLength { get; init; } = -1;

    /// <summary>Most characters (code points), or -1 for none.</summary>
    public int MaxLength { get; init; } = -1;

    /// <summary>A type whose public static <c>All</c> lists the allowed values.</summary>
    public Type? ValuesOf { get; init; }

    public IReadOnlyList<string>? AllowedValues() =>
        ValuesOf?.GetField("All")?.GetValue(null) as IReadOnlyList<string>
        ?? ValuesOf?.GetProperty("All")?.GetValue(null) as IReadOnlyList<string>;
}
