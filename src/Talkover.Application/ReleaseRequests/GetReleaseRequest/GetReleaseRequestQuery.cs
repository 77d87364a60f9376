using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.Common;

namespace Talkover.Application.ReleaseRequests.GetReleaseRequest;

public sealed record GetReleaseRequestQuery(Guid EnvironmentId, Input<Guid> RequestId) : IQuery<ReleaseRequestDto>;

internal sealed class GetReleaseRequestQueryValidator : AbstractValidator<GetReleaseRequestQuery>
{
    public GetReleaseRequestQueryValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
    }
}

internal sealed class GetReleaseRequestQueryHandler(IReleaseRequestQueries queries, IMapper mapper)
    : IRequestHandler<GetReleaseRequestQuery, ReleaseRequestDto>
{
    public async Task<ReleaseRequestDto> Handle(GetReleaseRequestQuery query, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(query.RequestId.Value, query.EnvironmentId, cancellationToken)
            ?? throw DomainErrors.ReleaseRequestNotFound();
        return mapper.Map<ReleaseRequestDto>(model);
    }
}
