using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests;

/// <summary>
/// Who made a change: <c>{"type": "customer", "token_id"}</c>, <c>{"type": "staff", "id", "name", "email"}</c>
/// (name and email as they were at the time) or <c>{"type": "system"}</c> (the bootstrap admin key).
/// </summary>
public sealed record ActorDto
{
    /// <summary><c>customer</c>, <c>staff</c> or <c>system</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>The environment token a customer used (absent for changes recorded before tokens were kept).</summary>
    public Guid? TokenId { get; init; }

    /// <summary>The staff member's id.</summary>
    public Guid? Id { get; init; }

    /// <summary>The staff member's name at the time of the change.</summary>
    public string? Name { get; init; }

    /// <summary>The staff member's email at the time of the change.</summary>
    public string? Email { get; init; }

    public static ActorDto From(Actor actor) => From(actor.Type, actor.Id, actor.Name, actor.Email);

    public static ActorDto From(string type, Guid? id, string? name, string? email) => type switch
    {
        Actor.CustomerType => new ActorDto { Type = type, TokenId = id },
        Actor.StaffType => new ActorDto { Type = type, Id = id, Name = name, Email = email },
        _ => new ActorDto { Type = type },
    };
}
