namespace Talkover.Application.PhoneNumbers;

public sealed record AssignedAgentReadModel(Guid Id, string Name, string Direction);
