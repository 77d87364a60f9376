using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Environments.GetEnvironment;

internal sealed class GetEnvironmentQueryHandler(IEnvironmentQueries queries, IMapper mapper) : IRequestHandler<GetEnvironmentQuery, EnvironmentDetailDto>
{
    public async Task<EnvironmentDetailDto> Handle(GetEnvironmentQuery query, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(query.EnvironmentId.Value, cancellationToken) ?? throw DomainErrors.EnvironmentNotFound();
        return mapper.Map<EnvironmentDetailDto>(model);
    }
}
