using Talkover.Application.Abstractions;

namespace Talkover.Api.Http;

/// <summary>Ids in routes, queries and bodies: UUIDs in the 8-4-4-4-12 form, any letter case.</summary>
public static class RouteIds
{
    public static Input<Guid> Parse(string? text) =>
        Guid.TryParseExact(text, "D", out var id) ? id : Input<Guid>.WrongType;
}
