namespace Talkover.Api.Http;

/// <summary>An error an action can answer with, for the OpenAPI document (the generic ones are added for every route).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ErrorCodeAttribute(int status, string code) : Attribute
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
