using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.PhoneNumbers.ListPhoneNumbers;

internal sealed class ListPhoneNumbersQueryHandler(IPhoneNumberQueries queries, IMapper mapper, TimeProvider clock)
    : IRequestHandler<ListPhoneNumbersQuery, Paged<PhoneNumberDto>>
{
    public async Task<Paged<PhoneNumberDto>> Handle(ListPhoneNumbersQuery query, CancellationToken cancellationToken)
    {
        var search = query.Search.ValueOr(null)?.Trim();
        var filter = new PhoneNumberFilter(
            query.Type.ValueOr(null),
            query.HasVoice.IsProvided ? query.HasVoice.Value : null,
            query.HasWhatsapp.IsProvided ? query.HasWhatsapp.Value : null,
            string.IsNullOrEmpty(search) ? null : search,
            Guid.TryParseExact(search, "D", out var id) ? id : null);

        var scope = ListCursor.Scope("phone_numbers", query.EnvironmentId, filter.Type, filter.HasVoice, filter.HasWhatsapp, filter.NumberContains);
        var window = ListCursor.Window(query.Page, scope);
        var slice = await queries.ListAsync(query.EnvironmentId, filter, window, cancellationToken);
        return Paged.From(slice, window, scope, p => (p.CreatedAt, p.Id), items => mapper.MapPhoneNumbers(items, clock));
    }
}
