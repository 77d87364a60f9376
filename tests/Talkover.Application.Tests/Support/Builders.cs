using Talkover.Application.Agents;
using Talkover.Application.PhoneNumbers;
using Talkover.Domain.Agents;
using Talkover.Domain.PhoneNumbers;

namespace Talkover.Application.Tests.Support;

internal static class Ids
{
    public static readonly Guid Environment = Guid.Parse("0198a000-0000-7000-8000-0000000000e1");
}

/// <summary>An active US voice number of <see cref="Ids.Environment"/>, unassigned and without a pending release, unless told otherwise.</summary>
internal sealed class PhoneNumberBuilder
{
    private Guid _id = Guid.NewGuid();
    private string _number = "+15551234567";
    private IReadOnlyCollection<Guid> _assignedAgentIds = [];
    private Guid? _pendingReleaseRequestId;

    public PhoneNumberBuilder WithId(Guid id)
    {
        _id = id;
        return this;
    }

    public PhoneNumberBuilder WithNumber(string number)
    {
        _number = number;
        return this;
    }

    public PhoneNumberBuilder AssignedTo(params Guid[] agentIds)
    {
        _assignedAgentIds = agentIds;
        return this;
    }

    public PhoneNumberBuilder WithPendingRelease()
    {
        _pendingReleaseRequestId = Guid.NewGuid();
        return this;
    }

    public PhoneNumber Build()
    {
        var created = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        var profile = new PhoneNumberProfile("US", PhoneNumberTypes.Voice, true, false, false, false, false, false, 1.15m, "USD", null, true, 1.15m);
        return PhoneNumber.Rehydrate(_id, Ids.Environment, _number, profile, PhoneNumberStatus.Active, _assignedAgentIds, _pendingReleaseRequestId, created, created);
    }
}

/// <summary>A draft inbound agent of <see cref="Ids.Environment"/>.</summary>
internal sealed class AgentBuilder
{
    private Guid[] _phoneNumberIds = [];

    public AgentBuilder WithNumbers(params Guid[] phoneNumberIds)
    {
        _phoneNumberIds = phoneNumberIds;
        return this;
    }

    public Agent Build()
    {
        var created = new DateTime(2024, 1, 2, 8, 0, 0, DateTimeKind.Utc);
        return Agent.Rehydrate(Guid.NewGuid(), Ids.Environment, "Front desk", null, AgentLanguages.Default, AgentDirection.Inbound, AgentStatus.Draft, _phoneNumberIds, created, created);
    }

    /// <summary>What the read side returns for the agent as it now is.</summary>
    public static AgentReadModel ReadModelOf(Agent agent) =>
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
