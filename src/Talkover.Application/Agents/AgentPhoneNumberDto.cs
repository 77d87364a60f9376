namespace Talkover.Application.Agents;

public sealed record AgentPhoneNumberDto
{
    public Guid Id { get; init; }

    public string Number { get; init; } = "";

    public string CountryCode { get; init; } = "";

    public string FormattedNumber { get; init; } = "";

    public string CurrentStatus { get; init; } = "";
}
