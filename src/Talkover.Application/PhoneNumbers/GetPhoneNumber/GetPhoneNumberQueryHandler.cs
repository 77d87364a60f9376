using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.PhoneNumbers.GetPhoneNumber;

internal sealed class GetPhoneNumberQueryHandler(IPhoneNumberQueries queries, IMapper mapper, TimeProvider clock)
    : IRequestHandler<GetPhoneNumberQuery, PhoneNumberDto>
{
    public async Task<PhoneNumberDto> Handle(GetPhoneNumberQuery query, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(query.EnvironmentId, query.PhoneNumberId.Value, cancellationToken)
            ?? throw DomainErrors.PhoneNumberNotFound();
        return mapper.MapPhoneNumber(model, clock);
    }
}
