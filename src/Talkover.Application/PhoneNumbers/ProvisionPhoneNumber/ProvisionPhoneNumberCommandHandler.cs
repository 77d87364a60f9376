using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.PhoneNumbers;

namespace Talkover.Application.PhoneNumbers.ProvisionPhoneNumber;

internal sealed class ProvisionPhoneNumberCommandHandler(
    IEnvironmentRepository environments,
    IPhoneNumberRepository phoneNumbers,
    IPhoneNumberQueries queries,
    IMapper mapper,
    TimeProvider clock) : IRequestHandler<ProvisionPhoneNumberCommand, PhoneNumberDto>
{
    public async Task<PhoneNumberDto> Handle(ProvisionPhoneNumberCommand command, CancellationToken cancellationToken)
    {
        var environmentId = command.EnvironmentId.Value;
        await environments.EnsureExistsAsync(environmentId, cancellationToken);

        var number = command.Number.Value!;
        if (await phoneNumbers.ActiveNumberExistsAsync(number, cancellationToken))
        {
            throw DomainErrors.PhoneNumberAlreadyExists();
        }

        var price = command.CurrentPrice.IsProvided ? command.CurrentPrice.Value : (decimal?)null;
        var profile = new PhoneNumberProfile(
            CountryCode: command.CountryCode.Value!,
            Type: command.Type.ValueOr(PhoneNumberTypes.Voice)!,
            HasVoice: command.HasVoice.ValueOr(false),
            HasSms: command.HasSms.ValueOr(false),
            HasMms: command.HasMms.ValueOr(false),
            HasFax: command.HasFax.ValueOr(false),
            HasWhatsapp: command.HasWhatsapp.ValueOr(false),
            IsSandbox: command.IsSandbox.ValueOr(false),
            CurrentPrice: price,
            Currency: command.Currency.ValueOr(null),
            RenewalDate: command.RenewalDate.IsProvided ? command.RenewalDate.Value : null,
            AutoRenewal: command.AutoRenewal.ValueOr(false),
            MonthlyRenewalCost: command.MonthlyRenewalCost.IsProvided ? command.MonthlyRenewalCost.Value : price);

        var phoneNumber = PhoneNumber.Provision(Guid.CreateVersion7(), environmentId, number, profile, clock.GetUtcNow().UtcDateTime);
        await phoneNumbers.AddAsync(phoneNumber, cancellationToken);

        var model = await queries.GetAsync(environmentId, phoneNumber.Id, cancellationToken)
            ?? throw new InvalidOperationException("A phone number just provisioned could not be read back.");
        return mapper.MapPhoneNumber(model, clock);
    }
}
