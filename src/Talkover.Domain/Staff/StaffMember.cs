namespace Talkover.Domain.Staff;

/// <summary>
/// A person on the support team: who they are (name, email), what they may do (role), whether they may
/// do it now (status, lockout), and a security stamp that changes whenever earlier sessions, keys'
/// sessions or setup links must stop working (a new password, disabling).
/// </summary>
public sealed class StaffMember
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private StaffMember(
        Guid id, string email, string name, string role, string status, string? passwordHash,
        int failedSignIns, DateTime? lockedUntil, string securityStamp, DateTime createdAt, DateTime updatedAt, DateTime? lastSignInAt)
    {
        Id = id;
        Email = email;
        Name = name;
        Role = role;
        Status = status;
        PasswordHash = passwordHash;
        FailedSignIns = failedSignIns;
        LockedUntil = lockedUntil;
        SecurityStamp = securityStamp;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        LastSignInAt = lastSignInAt;
    }

    public Guid Id { get; }

    /// <summary>As the member gave it; compared without regard to letter case (<see cref="EmailKey"/>).</summary>
    public string Email { get; private set; }

    public string EmailKey => KeyOf(Email);

    public string Name { get; private set; }

    public string Role { get; private set; }

    public string Status { get; private set; }

    /// <summary>A password hash (never the password); null until the member opens a setup link.</summary>
    public string? PasswordHash { get; private set; }

    public int FailedSignIns { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public string SecurityStamp { get; private set; }

    public DateTime CreatedAt { get; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? LastSignInAt { get; private set; }

    public bool IsActive => Status == StaffStatus.Active;

    public static string KeyOf(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A new member, active, with no password: they choose one through a setup link.</summary>
    public static StaffMember Invite(Guid id, string email, string name, string role, DateTime now) =>
        new(id, email.Trim(), name.Trim(), role, StaffStatus.Active, null, 0, null, NewStamp(), now, now, null);

    public static StaffMember Rehydrate(
        Guid id, string email, string name, string role, string status, string? passwordHash,
        int failedSignIns, DateTime? lockedUntil, string securityStamp, DateTime createdAt, DateTime updatedAt, DateTime? lastSignInAt) =>
        new(id, email, name, role, status, passwordHash, failedSignIns, lockedUntil, securityStamp, createdAt, updatedAt, lastSignInAt);

    public bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    /// <summary>The password chosen through a setup link: earlier sessions and links stop working, the lockout ends.</summary>
    public void SetPassword(string passwordHash, DateTime now)
    {
        PasswordHash = passwordHash;
        FailedSignIns = 0;
        LockedUntil = null;
        SecurityStamp = NewStamp();
        UpdatedAt = now;
    }

    /// <summary>A reset: the old password stops working at once; a new setup link lets the member choose another.</summary>
    public void ForgetPassword(DateTime now)
    {
        PasswordHash = null;
        SecurityStamp = NewStamp();
        UpdatedAt = now;
    }

    /// <summary>Signing out: the member's console sessions stop working (the security stamp they carry is replaced).</summary>
    public void EndSessions(DateTime now)
    {
        SecurityStamp = NewStamp();
        UpdatedAt = now;
    }

    /// <summary>A wrong password. The fifth in a row locks the account for <see cref="Lockout"/>.</summary>
    public void RecordFailedSignIn(DateTime now)
    {
        FailedSignIns++;
        if (FailedSignIns >= MaxFailedSignIns)
        {
            LockedUntil = now + Lockout;
            FailedSignIns = 0;
        }

        UpdatedAt = now;
    }

    public void RecordSignIn(DateTime now)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
        UpdatedAt = now;
    }

    public void Rename(string name, DateTime now)
    {
        Name = name.Trim();
        UpdatedAt = now;
    }

    public void ChangeRole(string role, DateTime now)
    {
        Role = role;
        UpdatedAt = now;
    }

    /// <summary>Disabling ends the member's sessions and stops their keys from the next request.</summary>
    public void ChangeStatus(string status, DateTime now)
    {
        if (status != Status)
        {
            Status = status;
            SecurityStamp = NewStamp();
            UpdatedAt = now;
        }
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
