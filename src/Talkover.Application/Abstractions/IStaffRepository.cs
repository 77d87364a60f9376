using Talkover.Domain.Staff;

namespace Talkover.Application.Abstractions;

/// <summary>Support staff members, for the commands that change them (sign-in, setup, role, status).</summary>
public interface IStaffRepository
{
    /// <summary>A member, locked until the transaction ends so that two changes to them run one after the other.</summary>
    Task<StaffMember?> GetForUpdateAsync(Guid staffId, CancellationToken cancellationToken);

    /// <summary>The member with this email, compared without regard to letter case, locked as <see cref="GetForUpdateAsync"/>.</summary>
    Task<StaffMember?> FindByEmailForUpdateAsync(string email, CancellationToken cancellationToken);

    /// <summary>Whether a member already has this email, whatever its letter case.</summary>
    Task<bool> EmailTakenAsync(string email, CancellationToken cancellationToken);

    Task AddAsync(StaffMember member, CancellationToken cancellationToken);

    /// <summary>Stores what changed: name, role, status, password, sign-in failures and lockout, security stamp.</summary>
    Task SaveAsync(StaffMember member, CancellationToken cancellationToken);

    /// <summary>
    /// How many active members have the admin role (the last one may not be demoted or disabled), with
    /// those rows locked until the transaction ends, so two changes that could each remove an admin run one after the other.
    /// </summary>
    Task<int> CountActiveAdminsForUpdateAsync(CancellationToken cancellationToken);
}
