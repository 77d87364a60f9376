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
        var (items, total) = await queries.ListAsync(string.IsNullOrEmpty(search) ? null : search, query.Page, cancellationToken);
        return new Paged<EnvironmentDto>(mapper.Map<IReadOnlyList<EnvironmentDto>>(items), PageMeta.For(query.Page, total));
    }
}
