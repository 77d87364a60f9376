using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Diagnostics;
using Talkover.Application.ReleaseRequests.CancelReleaseRequest;
using Talkover.Application.ReleaseRequests.RequestRelease;
using Talkover.Application.ReleaseRequests.Review.ApproveReleaseRequest;
using Talkover.Application.ReleaseRequests.Review.RejectReleaseRequest;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.Behaviours;

/// <summary>
/// Counts release requests created and decided once what the command wrote has committed: a command that
/// fails, or whose keyed request's transaction is rolled back after it, is never counted. It runs outside
/// the transaction behaviour, so the command's own transaction (or savepoint) has ended when it registers.
/// </summary>
public sealed class ReleaseMetricsBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork, TalkoverMetrics metrics)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly Action<TalkoverMetrics>? Record =
        typeof(TRequest) == typeof(RequestPhoneNumberReleaseCommand) ? static m => m.ReleaseRequestsCreated.Add(1)
        : typeof(TRequest) == typeof(ApproveReleaseRequestCommand) ? static m => m.ReleaseRequestDecided(ReleaseRequestStatus.Approved)
        : typeof(TRequest) == typeof(RejectReleaseRequestCommand) ? static m => m.ReleaseRequestDecided(ReleaseRequestStatus.Rejected)
        : typeof(TRequest) == typeof(CancelReleaseRequestCommand) ? static m => m.ReleaseRequestDecided(ReleaseRequestStatus.Cancelled)
        : null;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (Record is { } record)
        {
            unitOfWork.OnCommitted(() => record(metrics));
        }

        return response;
    }
}
