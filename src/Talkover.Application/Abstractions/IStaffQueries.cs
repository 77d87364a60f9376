using Talkover.Application.Common;
using Talkover.Application.Staff;

namespace Talkover.Application.Abstractions;

/// <summary>The read side of support staff.</summary>
public interface IStaffQueries
{
    /// <summary>Every member, oldest first (ties by id), one page.</summary>
    Task<ListSlice<StaffMemberReadModel>> ListAsync(ListWindow window, CancellationToken cancellationToken);

    Task<StaffMemberReadModel?> GetAsync(Guid staffId, CancellationToken cancellationToken);
}
