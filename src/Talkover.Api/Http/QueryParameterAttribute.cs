namespace Talkover.Api.Http;

/// <summary>A query-string parameter an action reads through <see cref="QueryInput"/>, for the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class QueryParameterAttribute(string name, string type, string description) : Attribute
{
    public string Name { get; } = name;

    /// <summary>OpenAPI type: string, integer, boolean; "uuid" for a string in UUID format.</summary>
    public string Type { get; } = type;

    public string Description { get; } = description;
}

/// <summary>The <c>page</c> and <c>per_page</c> parameters every list takes.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PagedAttribute : Attribute;
