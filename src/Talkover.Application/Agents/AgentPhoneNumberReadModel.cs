namespace Talkover.Application.Agents;

public sealed record AgentPhoneNumberReadModel(Guid Id, string Number, string CountryCode, string CurrentStatus);
