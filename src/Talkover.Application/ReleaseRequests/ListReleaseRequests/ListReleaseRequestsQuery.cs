using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Validation;

namespace Talkover.Application.ReleaseRequests.ListReleaseRequests;

/// <summary>The environment's release requests, newest first, optionally by status and phone number.</summary>
public sealed record ListReleaseRequestsQuery(Guid EnvironmentId, Input<string> Status, Input<Guid> PhoneNumberId, PageRequest Page)
    : IQuery<Paged<ReleaseRequestDto>>;

internal sealed class ListReleaseRequestsQueryValidator : AbstractValidator<ListReleaseRequestsQuery>
{
    public ListReleaseRequestsQueryValidator()
    {
        RuleFor(x => x.Status).Cascade(CascadeMode.Stop).ValidStatus();
        RuleFor(x => x.PhoneNumberId).OfType("a valid UUID");
        this.AddPagingRules(x => x.Page);
    }
}

internal sealed class ListReleaseRequestsQueryHandler(IReleaseRequestQueries queries, IMapper mapper)
    : IRequestHandler<ListReleaseRequestsQuery, Paged<ReleaseRequestDto>>
{
    public async Task<Paged<ReleaseRequestDto>> Handle(ListReleaseRequestsQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await queries.ListForEnvironmentAsync(
            query.EnvironmentId,
            query.Status.ValueOr(null),
            query.PhoneNumberId.IsProvided ? query.PhoneNumberId.Value : null,
            query.Page,
            cancellationToken);
        return new Paged<ReleaseRequestDto>(mapper.Map<IReadOnlyList<ReleaseRequestDto>>(items), PageMeta.For(query.Page, total));
    }
}
