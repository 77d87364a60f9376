using Talkover.Application.Agents;
using Talkover.Application.PhoneNumbers;
using Talkover.Domain.Agents;
using Talkover.Domain.PhoneNumbers;

using Talkover.Domain.Tests.Builders;

namespace Talkover.Application.Tests.Support;

internal static class Ids
{
    /// <summary>The environment the shared domain builders put numbers and agents in.</summary>
    public static readonly Guid Environment = PhoneNumberBuilder.DefaultEnvironmentId;

    /// <summary>The environment token the customer's commands are sent with.</summary>
    public static readonly Guid Token = Guid.Parse("0197a000-0000-7000-8000-00000000707e");
}

/// <summary>What the read side returns for an agent as it now is.</summary>
internal static class AgentReadModels
{
    public static AgentReadModel Of(Agent agent) =>
        new()
        {
            Id = agent.Id,
            EnvironmentId = agent.EnvironmentId,
            Name = agent.Name,
            Label = agent.Label,
            Language = agent.Language,
            Direction = agent.Direction,
            CurrentStatus = agent.Status,
            CreatedAt = agent.CreatedAt,
            UpdatedAt = agent.UpdatedAt,
            PhoneNumbers = [.. agent.PhoneNumberIds.Select(id => new AgentPhoneNumberReadModel(id, "+15551234567", "US", PhoneNumberStatus.Active))],
        };
}

/// <summary>A phone number row as the read side loads it.</summary>
internal sealed class PhoneNumberReadModelBuilder
{
    private string _number = "+15551234567";
    private DateOnly? _renewalDate;

    public PhoneNumberReadModelBuilder WithNumber(string number)
    {
        _number = number;
        return this;
    }

    public PhoneNumberReadModelBuilder RenewingOn(DateOnly? renewalDate)
    {
        _renewalDate = renewalDate;
        return this;
    }

    public PhoneNumberReadModel Build() =>
        new()
        {
            Id = Guid.NewGuid(),
            EnvironmentId = Ids.Environment,
            Number = _number,
            CountryCode = "US",
            Type = PhoneNumberTypes.Voice,
            HasVoice = true,
            CurrentStatus = PhoneNumberStatus.Active,
            CurrentPrice = 1.15m,
            Currency = "USD",
            RenewalDate = _renewalDate,
            AutoRenewal = true,
            MonthlyRenewalCost = 1.15m,
            CreatedAt = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc),
        };
}
