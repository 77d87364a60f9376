using Talkover.Domain.Staff;

namespace Talkover.Application.Staff;

/// <summary>The staff member (or the bootstrap key, with no id) a staff command is run for, with their role.</summary>
public sealed record StaffCaller(Guid? StaffId, string Role)
{
    public static readonly StaffCaller System = new(null, StaffRole.Admin);

    /// <summary>Admins manage every member's keys; anyone manages their own.</summary>
    public void EnsureMayManageKeysOf(Guid staffId)
    {
        if (StaffId != staffId && !StaffRole.Includes(Role, StaffRole.Admin))
        {
            throw Domain.Common.DomainErrors.InsufficientRole(StaffRole.Admin);
        }
    }
}
