using Talkover.Application.Common;
using Talkover.Application.ReleaseRequests;

namespace Talkover.Application.Abstractions;

public interface IReleaseRequestQueries
{
    /// <summary>One request; with an environment id, only if it belongs to that environment.</summary>
    Task<ReleaseRequestReadModel?> GetAsync(Guid requestId, Guid? environmentId, CancellationToken cancellationToken);

    /// <summary>An environment's requests, newest first.</summary>
    Task<ListSlice<ReleaseRequestReadModel>> ListForEnvironmentAsync(
        Guid environmentId, string? status, Guid? phoneNumberId, ListWindow window, CancellationToken cancellationToken);

    /// <summary>
    /// The review queue across environments, oldest first, each request with its environment's name;
    /// <paramref name="numberContains"/> (null for any) matches part of the E.164 number.
    /// </summary>
    Task<ListSlice<ReleaseRequestReadModel>> ListQueueAsync(
        string status, Guid? environmentId, string? numberContains, ListWindow window, CancellationToken cancellationToken);

    /// <summary>Every status change of a request, oldest first.</summary>
    Task<IReadOnlyList<ReleaseRequestHistoryReadModel>> HistoryAsync(Guid requestId, CancellationToken cancellationToken);
}
