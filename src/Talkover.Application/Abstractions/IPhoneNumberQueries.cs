using Talkover.Application.Common;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.ListPhoneNumbers;

namespace Talkover.Application.Abstractions;

public interface IPhoneNumberQueries
{
    /// <summary>An active number of the environment with its agents, or null (unknown, released or another environment's).</summary>
    Task<PhoneNumberReadModel?> GetAsync(Guid environmentId, Guid phoneNumberId, CancellationToken cancellationToken);

    /// <summary>A page of the environment's active numbers, newest first, with their agents.</summary>
    Task<ListSlice<PhoneNumberReadModel>> ListAsync(
        Guid environmentId, PhoneNumberFilter filter, ListWindow window, CancellationToken cancellationToken);
}
