using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Validation;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review;

/// <summary>Support staff's queue across environments, oldest first; pending unless another status is asked for.</summary>
public sealed record ListReviewQueueQuery(Input<string> Status, Input<Guid> EnvironmentId, PageRequest Page) : IQuery<Paged<AdminReleaseRequestDto>>;

internal sealed class ListReviewQueueQueryValidator : AbstractValidator<ListReviewQueueQuery>
{
    public ListReviewQueueQueryValidator()
    {
        RuleFor(x => x.Status).Cascade(CascadeMode.Stop).ValidStatus();
        RuleFor(x => x.EnvironmentId).OfType("a valid UUID");
        this.AddPagingRules(x => x.Page);
    }
}

internal sealed class ListReviewQueueQueryHandler(IReleaseRequestQueries queries, IMapper mapper)
    : IRequestHandler<ListReviewQueueQuery, Paged<AdminReleaseRequestDto>>
{
    public async Task<Paged<AdminReleaseRequestDto>> Handle(ListReviewQueueQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await queries.ListQueueAsync(
            query.Status.ValueOr(ReleaseRequestStatus.Pending)!,
            query.EnvironmentId.IsProvided ? query.EnvironmentId.Value : null,
            query.Page,
            cancellationToken);
        return new Paged<AdminReleaseRequestDto>(mapper.Map<IReadOnlyList<AdminReleaseRequestDto>>(items), PageMeta.For(query.Page, total));
    }
}

/// <summary>One request with every status change it went through.</summary>
public sealed record GetReviewRequestQuery(Input<Guid> RequestId) : IQuery<AdminReleaseRequestDto>;

internal sealed class GetReviewRequestQueryValidator : AbstractValidator<GetReviewRequestQuery>
{
    public GetReviewRequestQueryValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
    }
}

internal sealed class GetReviewRequestQueryHandler(IReleaseRequestQueries queries, IMapper mapper)
    : IRequestHandler<GetReviewRequestQuery, AdminReleaseRequestDto>
{
    public async Task<AdminReleaseRequestDto> Handle(GetReviewRequestQuery query, CancellationToken cancellationToken) =>
        await ReviewView.LoadAsync(queries, mapper, query.RequestId.Value, cancellationToken);
}

internal static class ReviewView
{
    /// <summary>The admin view of a request, history included.</summary>
    public static async Task<AdminReleaseRequestDto> LoadAsync(IReleaseRequestQueries queries, IMapper mapper, Guid requestId, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(requestId, null, cancellationToken) ?? throw DomainErrors.ReleaseRequestNotFound();
        var history = await queries.HistoryAsync(requestId, cancellationToken);
        return mapper.Map<AdminReleaseRequestDto>(model) with { History = mapper.Map<IReadOnlyList<ReleaseRequestHistoryDto>>(history) };
    }
}
