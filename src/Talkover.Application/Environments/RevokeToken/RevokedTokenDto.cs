namespace Talkover.Application.Environments.RevokeToken;

public sealed record RevokedTokenDto(Guid Id, Guid EnvironmentId, DateTime CreatedAt, DateTime RevokedAt);
