using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.Abstractions;

public interface IReleaseRequestRepository
{
    /// <summary>Stores a new request with its history; a second pending request for the number throws RELEASE_ALREADY_PENDING.</summary>
    Task AddAsync(ReleaseRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// A request with its history (with an environment id, only if it belongs to that environment),
    /// locked until the transaction ends so that two decisions on it run one after the other.
    /// </summary>
    Task<ReleaseRequest?> GetForUpdateAsync(Guid requestId, Guid? environmentId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a resolution (cancelled, approved, rejected) with its history entry. Throws
    /// RELEASE_REQUEST_NOT_PENDING if the stored request was no longer pending.
    /// </summary>
    Task SaveResolutionAsync(ReleaseRequest request, CancellationToken cancellationToken);
}
