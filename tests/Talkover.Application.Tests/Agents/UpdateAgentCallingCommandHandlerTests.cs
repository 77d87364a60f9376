using FluentValidation;
using Moq;
using Talkover.Application.Abstractions;
using Talkover.Application.Agents.UpdateAgentCalling;
using Talkover.Application.Tests.Support;
using Talkover.Domain.Agents;
using Talkover.Domain.Common;
using Talkover.Domain.PhoneNumbers;
using Talkover.Domain.Tests.Builders;

namespace Talkover.Application.Tests.Agents;

[TestFixture]
public sealed class UpdateAgentCallingCommandHandlerTests
{
    private readonly FixedTimeProvider _clock = new();
    private Mock<IAgentRepository> _agents = null!;
    private Mock<IPhoneNumberRepository> _phoneNumbers = null!;
    private Mock<IAgentQueries> _queries = null!;
    private Agent? _saved;

    [SetUp]
    public void SetUp()
    {
        _agents = new Mock<IAgentRepository>(MockBehavior.Strict);
        _phoneNumbers = new Mock<IPhoneNumberRepository>(MockBehavior.Strict);
        _queries = new Mock<IAgentQueries>(MockBehavior.Strict);
        _saved = null;
    }

    private UpdateAgentCallingCommandHandler Handler() => new(_agents.Object, _phoneNumbers.Object, _queries.Object, TestMapper.Create(), _clock);

    private static UpdateAgentCallingCommand Command(Guid agentId, string direction, params Guid[] phoneNumberIds) =>
        new(Ids.Environment, agentId, direction, Input<IReadOnlyList<Guid>>.Of(phoneNumberIds));

    private void GivenAgent(Agent agent) =>
        _agents.Setup(r => r.GetForUpdateAsync(Ids.Environment, agent.Id, It.IsAny<CancellationToken>())).ReturnsAsync(agent);

    /// <summary>The repository finds exactly <paramref name="found"/> among the requested ids.</summary>
    private void GivenNumbersFound(params PhoneNumber[] found) =>
        _phoneNumbers
            .Setup(r => r.GetManyForUpdateAsync(Ids.Environment, It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid _, IReadOnlyCollection<Guid> ids, CancellationToken _) => [.. found.Where(n => ids.Contains(n.Id))]);

    /// <summary>Stores the agent and reads it back as it now is.</summary>
    private void GivenSaveSucceeds()
    {
        _queries
            .Setup(q => q.GetAsync(Ids.Environment, It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid _, Guid _, CancellationToken _) => _saved is null ? null : AgentReadModels.Of(_saved));
        _agents.Setup(r => r.UpdateCallingAsync(It.IsAny<Agent>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Callback((Agent agent, bool _, CancellationToken _) => _saved = agent)
            .Returns(Task.CompletedTask);
    }

    [Test]
    public void Handle_WhenAgentIsUnknown_ThrowsAgentNotFound()
    {
        var id = Guid.NewGuid();
        _agents.Setup(r => r.GetForUpdateAsync(Ids.Environment, id, It.IsAny<CancellationToken>())).ReturnsAsync((Agent?)null);

        var error = Assert.ThrowsAsync<DomainException>(() => Handler().Handle(Command(id, AgentDirection.Inbound), CancellationToken.None));

        Assert.That(error.Code, Is.EqualTo("AGENT_NOT_FOUND"));
        _phoneNumbers.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_WhenAnIdIsNotFoundInTheEnvironment_ThrowsValidationErrorOnPhoneNumberIdsAndSavesNothing()
    {
        var agent = new AgentBuilder().Build();
        GivenAgent(agent);
        var known = new PhoneNumberBuilder().Build();
        var unknown = Guid.NewGuid(); // unknown, another environment's or released: the repository does not return it
        GivenNumbersFound(known);

        var error = Assert.ThrowsAsync<ValidationException>(() => Handler().Handle(Command(agent.Id, AgentDirection.Inbound, known.Id, unknown), CancellationToken.None));

        Assert.That(error.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "phone_number_ids" }));
        Assert.That(error.Errors.Single().ErrorMessage, Does.Contain(unknown.ToString()).And.Not.Contain(known.Id.ToString()));
        _agents.Verify(r => r.UpdateCallingAsync(It.IsAny<Agent>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenANumberHasAPendingRelease_ThrowsReleasePendingAndSavesNothing()
    {
        var agent = new AgentBuilder().Build();
        GivenAgent(agent);
        var pending = new PhoneNumberBuilder().WithPendingRelease().Build();
        GivenNumbersFound(pending);

        var error = Assert.ThrowsAsync<DomainException>(() => Handler().Handle(Command(agent.Id, AgentDirection.Outbound, pending.Id), CancellationToken.None));

        Assert.That(error.Code, Is.EqualTo("PHONE_NUMBER_RELEASE_PENDING"));
        _agents.Verify(r => r.UpdateCallingAsync(It.IsAny<Agent>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_WhenIdsAreOmitted_KeepsTheNumbersAndDoesNotLoadAny()
    {
        var assigned = Guid.NewGuid();
        var agent = new AgentBuilder().WithNumbers(assigned).Build();
        GivenAgent(agent);
        GivenSaveSucceeds();
        var command = new UpdateAgentCallingCommand(Ids.Environment, agent.Id, AgentDirection.Outbound, Input<IReadOnlyList<Guid>>.Missing);

        var dto = await Handler().Handle(command, CancellationToken.None);

        _phoneNumbers.VerifyNoOtherCalls();
        _agents.Verify(r => r.UpdateCallingAsync(agent, false, It.IsAny<CancellationToken>()), Times.Once);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(agent.PhoneNumberIds, Is.EqualTo(new[] { assigned }));
            Assert.That(dto.Direction, Is.EqualTo("outbound"));
            Assert.That(dto.PhoneNumbers.Select(n => n.Id), Is.EqualTo(new[] { assigned }));
        }
    }

    [Test]
    public async Task Handle_WhenIdsAreGiven_ReplacesTheNumbersOnceEachAndReturnsTheAgent()
    {
        var agent = new AgentBuilder().WithNumbers(Guid.NewGuid()).Build();
        GivenAgent(agent);
        var first = new PhoneNumberBuilder().Build();
        var second = new PhoneNumberBuilder().Build();
        GivenNumbersFound(first, second);
        GivenSaveSucceeds();

        var dto = await Handler().Handle(Command(agent.Id, AgentDirection.Inbound, first.Id, second.Id, first.Id), CancellationToken.None);

        _agents.Verify(r => r.UpdateCallingAsync(agent, true, It.IsAny<CancellationToken>()), Times.Once);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(agent.PhoneNumberIds, Is.EquivalentTo(new[] { first.Id, second.Id }));
            Assert.That(agent.UpdatedAt, Is.EqualTo(_clock.UtcNow));
            Assert.That(dto.Id, Is.EqualTo(agent.Id));
            Assert.That(dto.PhoneNumbers.Select(n => n.Id), Is.EquivalentTo(new[] { first.Id, second.Id }));
            Assert.That(dto.PhoneNumbers.Select(n => n.FormattedNumber), Is.All.EqualTo("(555) 123-4567"));
        }
    }

    [Test]
    public async Task Handle_WhenIdsAreEmpty_DetachesEveryNumber()
    {
        var agent = new AgentBuilder().WithNumbers(Guid.NewGuid(), Guid.NewGuid()).Build();
        GivenAgent(agent);
        GivenNumbersFound();
        GivenSaveSucceeds();

        var dto = await Handler().Handle(Command(agent.Id, AgentDirection.Inbound), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(agent.PhoneNumberIds, Is.Empty);
            Assert.That(dto.PhoneNumbers, Is.Empty);
        }
    }
}
