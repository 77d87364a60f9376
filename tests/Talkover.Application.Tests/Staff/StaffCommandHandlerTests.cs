using Moq;
using Talkover.Application.Abstractions;
using Talkover.Application.Staff;
using Talkover.Application.Staff.ChangePassword;
using Talkover.Application.Staff.SignIn;
using Talkover.Application.Staff.UpdateStaffMember;
using Talkover.Application.Tests.Support;
using Talkover.Domain.Common;
using Talkover.Domain.Staff;

namespace Talkover.Application.Tests.Staff;

[TestFixture]
public sealed class StaffCommandHandlerTests
{
    private const string Password = "correct horse battery";

    private readonly FixedTimeProvider _clock = new();
    private Mock<IStaffRepository> _staff = null!;
    private Mock<IStaffPasswordHasher> _hasher = null!;

    [SetUp]
    public void SetUp()
    {
        _staff = new Mock<IStaffRepository>(MockBehavior.Strict);
        _hasher = new Mock<IStaffPasswordHasher>(MockBehavior.Strict);
        _hasher.Setup(h => h.Hash(It.IsAny<string>())).Returns<string>(p => "hash:" + p);
        _hasher.Setup(h => h.Verify(It.IsAny<string>(), It.IsAny<string>())).Returns<string, string>((hash, p) => hash == "hash:" + p);
        _staff.Setup(s => s.SaveAsync(It.IsAny<StaffMember>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
    }

    [Test]
    public void Demoting_TheLastActiveAdmin_IsRefusedAndNothingIsSaved()
    {
        var admin = Member(StaffRole.Admin);
        _staff.Setup(s => s.CountActiveAdminsForUpdateAsync(It.IsAny<CancellationToken>())).ReturnsAsync(1);
        _staff.Setup(s => s.GetForUpdateAsync(admin.Id, It.IsAny<CancellationToken>())).ReturnsAsync(admin);

        var error = Assert.ThrowsAsync<DomainException>(() => UpdateHandler().Handle(new UpdateStaffMemberCommand(admin.Id, Input<string>.Missing, StaffRole.Reviewer, Input<string>.Missing), default));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.LastAdmin));
        _staff.Verify(s => s.SaveAsync(It.IsAny<StaffMember>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Disabling_AnAdmin_WhenAnotherRemains_EndsTheirSessions()
    {
        var admin = Member(StaffRole.Admin);
        var stamp = admin.SecurityStamp;
        _staff.Setup(s => s.CountActiveAdminsForUpdateAsync(It.IsAny<CancellationToken>())).ReturnsAsync(2);
        _staff.Setup(s => s.GetForUpdateAsync(admin.Id, It.IsAny<CancellationToken>())).ReturnsAsync(admin);

        var updated = await UpdateHandler().Handle(new UpdateStaffMemberCommand(admin.Id, Input<string>.Missing, Input<string>.Missing, StaffStatus.Disabled), default);

        Assert.That(updated.Status, Is.EqualTo(StaffStatus.Disabled));
        Assert.That(admin.SecurityStamp, Is.Not.EqualTo(stamp), "a new stamp ends console sessions");
    }

    [Test]
    public async Task Renaming_DoesNotCountAdmins()
    {
        var admin = Member(StaffRole.Admin);
        _staff.Setup(s => s.GetForUpdateAsync(admin.Id, It.IsAny<CancellationToken>())).ReturnsAsync(admin);

        var updated = await UpdateHandler().Handle(new UpdateStaffMemberCommand(admin.Id, "  New Name  ", Input<string>.Missing, Input<string>.Missing), default);

        Assert.That(updated.Name, Is.EqualTo("New Name"));
        _staff.Verify(s => s.CountActiveAdminsForUpdateAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task SignIn_FiveWrongPasswordsInARow_LockTheAccountEvenForTheRightOne()
    {
        var member = Member(StaffRole.Reviewer);
        _staff.Setup(s => s.FindByEmailForUpdateAsync(member.Email, It.IsAny<CancellationToken>())).ReturnsAsync(member);

        for (var i = 0; i < StaffMember.MaxFailedSignIns; i++)
        {
            Assert.That((await SignInHandler().Handle(new SignInStaffCommand(member.Email, "wrong password!"), default)).Succeeded, Is.False);
        }

        var locked = await SignInHandler().Handle(new SignInStaffCommand(member.Email, Password), default);
        _clock.Advance(StaffMember.Lockout);
        var afterLockout = await SignInHandler().Handle(new SignInStaffCommand(member.Email, Password), default);

        Assert.That(locked.Succeeded, Is.False);
        Assert.That(afterLockout.Succeeded, Is.True);
        Assert.That(afterLockout.Staff!.StaffId, Is.EqualTo(member.Id));
    }

    [Test]
    public async Task SignIn_ALockedAccount_StillChecksThePassword_SoItTakesAsLongAsAnyFailure()
    {
        var member = Member(StaffRole.Reviewer);
        for (var i = 0; i < StaffMember.MaxFailedSignIns; i++)
        {
            member.RecordFailedSignIn(_clock.GetUtcNow().UtcDateTime);
        }

        _staff.Setup(s => s.FindByEmailForUpdateAsync(member.Email, It.IsAny<CancellationToken>())).ReturnsAsync(member);

        var result = await SignInHandler().Handle(new SignInStaffCommand(member.Email, "a guess at it"), default);

        Assert.That(result.Succeeded, Is.False);
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), "a guess at it"), Times.Once);
    }

    [Test]
    public async Task ChangePassword_CountsTowardTheLockout_AndALockedAccountChangesNothing()
    {
        var member = Member(StaffRole.Viewer);
        var hash = member.PasswordHash;
        _staff.Setup(s => s.GetForUpdateAsync(member.Id, It.IsAny<CancellationToken>())).ReturnsAsync(member);

        for (var i = 0; i < StaffMember.MaxFailedSignIns; i++)
        {
            Assert.That(await ChangePasswordHandler().Handle(new ChangeStaffPasswordCommand(member.Id, "not my password", "a brand new password"), default), Is.Null);
        }

        var withTheRightOne = await ChangePasswordHandler().Handle(new ChangeStaffPasswordCommand(member.Id, Password, "a brand new password"), default);

        Assert.That(withTheRightOne, Is.Null, "locked: even the right current password changes nothing");
        Assert.That(member.PasswordHash, Is.EqualTo(hash));
        Assert.That(member.IsLockedOut(_clock.GetUtcNow().UtcDateTime), Is.True);
    }

    [Test]
    public async Task SignIn_UnknownEmail_FailsLikeAWrongPasswordAndWritesNothing()
    {
        _staff.Setup(s => s.FindByEmailForUpdateAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((StaffMember?)null);

        var result = await SignInHandler().Handle(new SignInStaffCommand("nobody@support.example", Password), default);

        Assert.That(result.Succeeded, Is.False);
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), Password), Times.Once, "a password is checked all the same, so timing tells nothing");
        _staff.Verify(s => s.SaveAsync(It.IsAny<StaffMember>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task SignIn_DisabledMember_IsRefusedWithTheRightPassword()
    {
        var member = Member(StaffRole.Admin);
        member.ChangeStatus(StaffStatus.Disabled, _clock.GetUtcNow().UtcDateTime);
        _staff.Setup(s => s.FindByEmailForUpdateAsync(member.Email, It.IsAny<CancellationToken>())).ReturnsAsync(member);

        Assert.That((await SignInHandler().Handle(new SignInStaffCommand(member.Email, Password), default)).Succeeded, Is.False);
    }

    [Test]
    public void KeysOfAnotherMember_OnlyAnAdminManages()
    {
        var someone = Guid.NewGuid();

        Assert.DoesNotThrow(() => new StaffCaller(someone, StaffRole.Viewer).EnsureMayManageKeysOf(someone));
        Assert.DoesNotThrow(() => new StaffCaller(Guid.NewGuid(), StaffRole.Admin).EnsureMayManageKeysOf(someone));
        Assert.DoesNotThrow(() => StaffCaller.System.EnsureMayManageKeysOf(someone));
        var error = Assert.Throws<DomainException>(() => new StaffCaller(Guid.NewGuid(), StaffRole.Reviewer).EnsureMayManageKeysOf(someone));
        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.InsufficientRole));
    }

    [TestCase("ada@support.example", true)]
    [TestCase("Ada.Lovelace+queue@support.example", true)]
    [TestCase("ada@localhost", false)]
    [TestCase("Ada <ada@support.example>", false)]
    [TestCase("ada@@support.example", false)]
    [TestCase("ada @support.example", false)]
    [TestCase("", false)]
    public void EmailRule(string email, bool valid) => Assert.That(StaffRules.EmailProblem(email) is null, Is.EqualTo(valid));

    [TestCase("short pass", false)]
    [TestCase("twelve chars", true)]
    [TestCase("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", true)]
    public void PasswordRule_CountsCharactersNotBytes(string password, bool valid) => Assert.That(StaffRules.PasswordProblem(password) is null, Is.EqualTo(valid));

    private StaffMember Member(string role)
    {
        var member = StaffMember.Invite(Guid.NewGuid(), $"{role}@support.example", "Member", role, _clock.GetUtcNow().UtcDateTime);
        member.SetPassword("hash:" + Password, _clock.GetUtcNow().UtcDateTime);
        return member;
    }

    private UpdateStaffMemberCommandHandler UpdateHandler() => new(_staff.Object, new Mock<ICredentialCache>().Object, TestMapper.Create(), _clock);

    private SignInStaffCommandHandler SignInHandler() => new(_staff.Object, _hasher.Object, _clock);

    private ChangeStaffPasswordCommandHandler ChangePasswordHandler() => new(_staff.Object, _hasher.Object, _clock);
}
