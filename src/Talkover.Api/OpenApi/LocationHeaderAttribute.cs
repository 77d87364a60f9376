namespace Talkover.Api.OpenApi;

/// <summary>The action's 201 names the new resource in a <c>Location</c> header (for the OpenAPI document).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LocationHeaderAttribute : Attribute;
