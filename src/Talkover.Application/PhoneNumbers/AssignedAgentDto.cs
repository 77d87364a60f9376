namespace Talkover.Application.PhoneNumbers;

public sealed record AssignedAgentDto(Guid Id, string Name, string Direction);
