using Talkover.Domain.Agents;
using Talkover.Domain.Environments;
using Talkover.Domain.PhoneNumbers;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.Abstractions;

/// <summary>
/// One database transaction per command; repositories in the same scope share it. Begun while one is
/// already open (a keyed request's transaction around its command), it is a savepoint: its rollback
/// undoes only the writes made since it began, and its commit leaves the outer transaction to commit.
/// </summary>
public interface IUnitOfWork
{
    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}

public interface IPhoneNumberRepository
{
    /// <summary>
    /// Loads an active number of the environment and locks it until the transaction ends, so that
    /// release requests and agent assignments of the same number run one after the other.
    /// </summary>
    Task<PhoneNumber?> GetForUpdateAsync(Guid environmentId, Guid phoneNumberId, CancellationToken cancellationToken);

    /// <summary>
    /// The active number a release request is for, locked as <see cref="GetForUpdateAsync"/> locks it, found
    /// from the request in the same statement (so a decision locks the number before the request, the
    /// order a new release request takes its locks in). Null when the request or an active number is missing.
    /// </summary>
    Task<PhoneNumber?> GetForUpdateByReleaseRequestAsync(Guid releaseRequestId, CancellationToken cancellationToken);

    /// <summary>Same as <see cref="GetForUpdateAsync"/> for several numbers, locked in id order.</summary>
    Task<IReadOnlyList<PhoneNumber>> GetManyForUpdateAsync(Guid environmentId, IReadOnlyCollection<Guid> phoneNumberIds, CancellationToken cancellationToken);

    Task<bool> ActiveNumberExistsAsync(string e164Number, CancellationToken cancellationToken);

    /// <summary>Throws PHONE_NUMBER_ALREADY_EXISTS when another active number has the same E.164 value.</summary>
    Task AddAsync(PhoneNumber phoneNumber, CancellationToken cancellationToken);

    /// <summary>Stores that the number was released (it leaves its environment for good).</summary>
    Task SaveReleasedAsync(PhoneNumber phoneNumber, CancellationToken cancellationToken);
}

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

public interface IAgentRepository
{
    Task<Agent?> GetForUpdateAsync(Guid environmentId, Guid agentId, CancellationToken cancellationToken);

    Task AddAsync(Agent agent, CancellationToken cancellationToken);

    /// <summary>Stores the direction and, when <paramref name="numbersReplaced"/>, the assigned numbers.</summary>
    Task UpdateCallingAsync(Agent agent, bool numbersReplaced, CancellationToken cancellationToken);
}

public interface IEnvironmentRepository
{
    Task<bool> ExistsAsync(Guid environmentId, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    Task AddAsync(TenantEnvironment environment, CancellationToken cancellationToken);

    Task AddTokenAsync(EnvironmentToken token, CancellationToken cancellationToken);

    Task<EnvironmentToken?> GetTokenAsync(Guid environmentId, Guid tokenId, CancellationToken cancellationToken);

    /// <summary>Marks the token revoked unless it already was; false when it already was.</summary>
    Task<bool> RevokeTokenAsync(Guid tokenId, DateTime revokedAt, CancellationToken cancellationToken);
}

public static class EnvironmentRepositoryExtensions
{
    /// <summary>Throws ENVIRONMENT_NOT_FOUND unless the environment exists.</summary>
    public static async Task EnsureExistsAsync(this IEnvironmentRepository environments, Guid environmentId, CancellationToken cancellationToken)
    {
        if (!await environments.ExistsAsync(environmentId, cancellationToken))
        {
            throw Domain.Common.DomainErrors.EnvironmentNotFound();
        }
    }
}

/// <summary>The database could not be reached; clients get 503 SERVICE_UNAVAILABLE.</summary>
public sealed class DatabaseUnavailableException(string message, Exception innerException) : Exception(message, innerException);
