using Talkover.Domain.Agents;
using Talkover.Domain.Common;
using Talkover.Domain.PhoneNumbers;
using Talkover.Domain.Tests.Builders;

namespace Talkover.Domain.Tests.Agents;

[TestFixture]
public sealed class AgentUpdateCallingTests
{
    private static readonly DateTime Now = new(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    private static PhoneNumber Number(Guid? id = null) => new PhoneNumberBuilder().WithId(id ?? Guid.NewGuid()).Build();

    [Test]
    public void UpdateCalling_WhenGivenNumbers_ReplacesTheAssignedSet()
    {
        var kept = Number();
        var added = Number();
        var agent = new AgentBuilder().WithNumbers(kept.Id, Guid.NewGuid()).Build();

        agent.UpdateCalling(AgentDirection.Inbound, [kept, added], Now);

        Assert.That(agent.PhoneNumberIds, Is.EquivalentTo(new[] { kept.Id, added.Id }));
    }

    [Test]
    public void UpdateCalling_WhenGivenEmptyList_DetachesEveryNumber()
    {
        var agent = new AgentBuilder().WithNumbers(Guid.NewGuid(), Guid.NewGuid()).Build();

        agent.UpdateCalling(AgentDirection.Inbound, [], Now);

        Assert.That(agent.PhoneNumberIds, Is.Empty);
    }

    [Test]
    public void UpdateCalling_WhenNumbersAreNull_LeavesTheAssignedSetUnchanged()
    {
        var assigned = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var agent = new AgentBuilder().WithNumbers(assigned).Build();

        agent.UpdateCalling(AgentDirection.Outbound, null, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(agent.PhoneNumberIds, Is.EqualTo(assigned));
            Assert.That(agent.Direction, Is.EqualTo(AgentDirection.Outbound));
        }
    }

    [Test]
    public void UpdateCalling_WhenTheSameNumberIsGivenTwice_AssignsItOnce()
    {
        var id = Guid.NewGuid();
        var agent = new AgentBuilder().Build();

        agent.UpdateCalling(AgentDirection.Inbound, [Number(id), Number(id)], Now);

        Assert.That(agent.PhoneNumberIds, Is.EqualTo(new[] { id }));
    }

    [Test]
    public void UpdateCalling_WhenANewNumberHasAPendingRelease_ThrowsAndKeepsTheAssignedNumbers()
    {
        var assigned = new[] { Guid.NewGuid() };
        var agent = new AgentBuilder().WithNumbers(assigned).Build();
        var pending = new PhoneNumberBuilder().WithPendingRelease().Build();

        var error = Assert.Throws<DomainException>(() => agent.UpdateCalling(AgentDirection.Inbound, [Number(), pending], Now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo("PHONE_NUMBER_RELEASE_PENDING"));
            Assert.That(error.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(agent.PhoneNumberIds, Is.EqualTo(assigned));
            Assert.That(agent.UpdatedAt, Is.EqualTo(AgentBuilder.CreatedAt));
        }
    }

    [Test]
    public void UpdateCalling_WhenANewNumberIsReleased_ThrowsNotFound()
    {
        var agent = new AgentBuilder().Build();
        var released = new PhoneNumberBuilder().Released().Build();

        Assert.That(
            () => agent.UpdateCalling(AgentDirection.Inbound, [released], Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("PHONE_NUMBER_NOT_FOUND"));
    }

    [Test]
    public void UpdateCalling_WhenDirectionChanges_StoresItAndMovesUpdatedAt()
    {
        var agent = new AgentBuilder().WithDirection(AgentDirection.Inbound).Build();

        agent.UpdateCalling(AgentDirection.Outbound, [], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(agent.Direction, Is.EqualTo(AgentDirection.Outbound));
            Assert.That(agent.UpdatedAt, Is.EqualTo(Now));
            Assert.That(agent.CreatedAt, Is.EqualTo(AgentBuilder.CreatedAt));
        }
    }
}
