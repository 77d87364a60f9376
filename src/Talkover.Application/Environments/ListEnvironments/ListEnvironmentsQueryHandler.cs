using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Environments.ListEnvironments;

internal sealed class ListEnvironmentsQueryHandler(IEnvironmentQueries queries, IMapper mapper) : IRequestHandler<ListEnvironmentsQuery, Paged<EnvironmentDto>>
{
    public async Task<Paged<EnvironmentDto>> Handle(ListEnvironmentsQuery query, CancellationToken cancellationToken)
    {
        var search = query.Search.ValueOr(null)?.Trim();
        var nameContains = string.IsNullOrEmpty(search) ? null : search;
        var scope = ListCursor.Scope("environments", nameContains);
        var window = ListCursor.Window(query.Page, scope);
        var slice = await queries.ListAsync(nameContains, window, cancellationToken);
        return Paged.From(slice, window, scope, e => (e.CreatedAt, e.Id), mapper.Map<IReadOnlyList<EnvironmentDto>>);
    }
}
