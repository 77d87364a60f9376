using Talkover.Domain.PhoneNumbers;

namespace Talkover.Application.Abstractions;

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
