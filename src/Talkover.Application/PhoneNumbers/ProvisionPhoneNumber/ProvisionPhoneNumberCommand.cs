using Talkover.Application.Abstractions;

namespace Talkover.Application.PhoneNumbers.ProvisionPhoneNumber;

/// <summary>Support staff (or a test harness) give an environment a phone number.</summary>
public sealed record ProvisionPhoneNumberCommand : ICommand<PhoneNumberDto>
{
    public Input<Guid> EnvironmentId { get; init; }

    public Input<string> Number { get; init; }

    public Input<string> CountryCode { get; init; }

    public Input<string> Type { get; init; }

    public Input<bool> HasVoice { get; init; }

    public Input<bool> HasSms { get; init; }

    public Input<bool> HasMms { get; init; }

    public Input<bool> HasFax { get; init; }

    public Input<bool> HasWhatsapp { get; init; }

    public Input<bool> IsSandbox { get; init; }

    public Input<decimal> CurrentPrice { get; init; }

    public Input<string> Currency { get; init; }

    public Input<DateOnly> RenewalDate { get; init; }

    public Input<bool> AutoRenewal { get; init; }

    public Input<decimal> MonthlyRenewalCost { get; init; }
}
