using Talkover.Domain.PhoneNumbers;

namespace Talkover.Domain.Tests.Builders;

/// <summary>An active US voice number of one environment, unassigned and without a pending release, unless told otherwise.</summary>
internal sealed class PhoneNumberBuilder
{
    public static readonly Guid DefaultEnvironmentId = Guid.Parse("0198a000-0000-7000-8000-000000000001");

    private Guid _id = Guid.NewGuid();
    private Guid _environmentId = DefaultEnvironmentId;
    private string _number = "+15551234567";
    private string _status = PhoneNumberStatus.Active;
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

    public PhoneNumberBuilder WithPendingRelease(Guid? requestId = null)
    {
        _pendingReleaseRequestId = requestId ?? Guid.NewGuid();
        return this;
    }

    public PhoneNumberBuilder Released()
    {
        _status = PhoneNumberStatus.Released;
        return this;
    }

    public PhoneNumber Build()
    {
        var created = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        var profile = new PhoneNumberProfile(
            CountryCode: "US",
            Type: PhoneNumberTypes.Voice,
            HasVoice: true,
            HasSms: false,
            HasMms: false,
            HasFax: false,
            HasWhatsapp: false,
            IsSandbox: false,
            CurrentPrice: 1.15m,
            Currency: "USD",
            RenewalDate: new DateOnly(2024, 2, 1),
            AutoRenewal: true,
            MonthlyRenewalCost: 1.15m);
        return PhoneNumber.Rehydrate(_id, _environmentId, _number, profile, _status, _assignedAgentIds, _pendingReleaseRequestId, created, created);
    }
}
