namespace Talkover.Application.Environments;

/// <summary>A newly issued token; the only time its secret is ever shown.</summary>
public sealed record IssuedTokenDto(Guid Id, Guid EnvironmentId, string Token, DateTime CreatedAt);
