namespace Talkover.Application.Environments;

/// <summary>A new environment with its first token; the only time that token is ever shown.</summary>
public sealed record CreatedEnvironmentDto(Guid Id, string Name, string Plan, DateTime CreatedAt, string Token, Guid TokenId);
