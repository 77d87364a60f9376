using Talkover.Domain.Staff;

namespace Talkover.Domain.Tests.Staff;

public sealed class StaffMemberTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private static StaffMember NewMember() => StaffMember.Invite(Guid.NewGuid(), "  Ana.Souza@Example.com ", " Ana Souza ", StaffRole.Reviewer, Now);

    [TestCase(StaffRole.Admin, StaffRole.Viewer, true)]
    [TestCase(StaffRole.Admin, StaffRole.Reviewer, true)]
    [TestCase(StaffRole.Reviewer, StaffRole.Viewer, true)]
    [TestCase(StaffRole.Reviewer, StaffRole.Admin, false)]
    [TestCase(StaffRole.Viewer, StaffRole.Reviewer, false)]
    [TestCase("owner", StaffRole.Viewer, false)]
    public void Includes_FollowsViewerReviewerAdmin(string role, string required, bool expected) =>
        Assert.That(StaffRole.Includes(role, required), Is.EqualTo(expected));

    [Test]
    public void Invite_WhenNew_IsActiveWithoutPasswordAndComparesEmailWithoutCase()
    {
        var member = NewMember();

        Assert.Multiple(() =>
        {
            Assert.That((member.Email, member.Name, member.Status), Is.EqualTo(("Ana.Souza@Example.com", "Ana Souza", StaffStatus.Active)));
            Assert.That(member.EmailKey, Is.EqualTo("ana.souza@example.com"));
            Assert.That(member.PasswordHash, Is.Null);
            Assert.That(member.SecurityStamp, Is.Not.Empty);
        });
    }

    [Test]
    public void RecordFailedSignIn_WhenTheFifthInARow_LocksForFifteenMinutes()
    {
        var member = NewMember();
        for (var i = 0; i < StaffMember.MaxFailedSignIns - 1; i++)
        {
            member.RecordFailedSignIn(Now);
        }

        Assert.That(member.IsLockedOut(Now), Is.False, "four failures do not lock");
        member.RecordFailedSignIn(Now);

        Assert.Multiple(() =>
        {
            Assert.That(member.IsLockedOut(Now.AddMinutes(14)), Is.True);
            Assert.That(member.IsLockedOut(Now.AddMinutes(15)), Is.False);
        });
    }

    [Test]
    public void RecordSignIn_ResetsTheFailureCount()
    {
        var member = NewMember();
        for (var i = 0; i < StaffMember.MaxFailedSignIns - 1; i++)
        {
            member.RecordFailedSignIn(Now);
        }

        member.RecordSignIn(Now);
        member.RecordFailedSignIn(Now);

        Assert.That((member.IsLockedOut(Now), member.LastSignInAt), Is.EqualTo((false, (DateTime?)Now)));
    }

    [Test]
    public void SetPasswordAndDisable_EachEndEarlierSessions()
    {
        var member = NewMember();
        var invited = member.SecurityStamp;
        member.SetPassword("hash", Now);
        var withPassword = member.SecurityStamp;
        member.ChangeStatus(StaffStatus.Disabled, Now);

        Assert.That(new[] { invited, withPassword, member.SecurityStamp }, Is.Unique);
        Assert.That(member.IsActive, Is.False);
    }

    [Test]
    public void EndSessions_EndsEarlierSessions_AndKeepsThePassword()
    {
        var member = NewMember();
        member.SetPassword("hash", Now);
        var stamp = member.SecurityStamp;

        member.EndSessions(Now);

        Assert.That((member.PasswordHash, member.SecurityStamp == stamp, member.IsActive), Is.EqualTo(("hash", false, true)));
    }

    [Test]
    public void ForgetPassword_StopsTheOldPasswordAtOnce()
    {
        var member = NewMember();
        member.SetPassword("hash", Now);
        var stamp = member.SecurityStamp;

        member.ForgetPassword(Now);

        Assert.That((member.PasswordHash, member.SecurityStamp == stamp), Is.EqualTo(((string?)null, false)));
    }
}
