using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.Common;

namespace Talkover.Application.PhoneNumbers.GetPhoneNumber;

public sealed record GetPhoneNumberQuery(Guid EnvironmentId, Input<Guid> PhoneNumberId) : IQuery<PhoneNumberDto>;

internal sealed class GetPhoneNumberQueryValidator : AbstractValidator<GetPhoneNumberQuery>
{
    public GetPhoneNumberQueryValidator()
    {
        RuleFor(x => x.PhoneNumberId).OfType("a valid UUID");
    }
}

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
