using Talkover.Application.Common;
using Talkover.Application.Environments;

namespace Talkover.Application.Abstractions;

public interface IEnvironmentQueries
{
    /// <summary>A page of every environment, newest first; <paramref name="nameContains"/> (null for any) matches part of the name.</summary>
    Task<ListSlice<EnvironmentReadModel>> ListAsync(string? nameContains, ListWindow window, CancellationToken cancellationToken);

    /// <summary>One environment with its tokens (oldest first), its active numbers and its pending release requests counted; null if unknown.</summary>
    Task<EnvironmentDetailReadModel?> GetAsync(Guid environmentId, CancellationToken cancellationToken);
}
