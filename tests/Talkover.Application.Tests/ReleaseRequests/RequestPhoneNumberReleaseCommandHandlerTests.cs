using Moq;
using Talkover.Application.Abstractions;
using Talkover.Application.ReleaseRequests.RequestRelease;
using Talkover.Application.Tests.Support;
using Talkover.Domain.Common;
using Talkover.Domain.PhoneNumbers;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Tests.Builders;

namespace Talkover.Application.Tests.ReleaseRequests;

[TestFixture]
public sealed class RequestPhoneNumberReleaseCommandHandlerTests
{
    private const string Reason = "We migrated outbound calling to a new toll-free number and no longer need this DID.";

    private readonly FixedTimeProvider _clock = new();
    private Mock<IPhoneNumberRepository> _phoneNumbers = null!;
    private Mock<IReleaseRequestRepository> _releaseRequests = null!;

    [SetUp]
    public void SetUp()
    {
        _phoneNumbers = new Mock<IPhoneNumberRepository>(MockBehavior.Strict);
        _releaseRequests = new Mock<IReleaseRequestRepository>(MockBehavior.Strict);
    }

    private RequestPhoneNumberReleaseCommandHandler Handler() => new(_phoneNumbers.Object, _releaseRequests.Object, TestMapper.Create(), _clock);

    private static RequestPhoneNumberReleaseCommand Command(Guid phoneNumberId, string reason = Reason) => new(Ids.Environment, phoneNumberId, reason, Actor.Customer(Ids.Token));

    private void GivenNumber(Guid id, PhoneNumber? number) =>
        _phoneNumbers.Setup(r => r.GetForUpdateAsync(Ids.Environment, id, It.IsAny<CancellationToken>())).ReturnsAsync(number);

    [Test]
    public void Handle_WhenNumberIsUnknownInTheEnvironment_ThrowsNotFoundAndStoresNothing()
    {
        var id = Guid.NewGuid();
        GivenNumber(id, null);

        var error = Assert.ThrowsAsync<DomainException>(() => Handler().Handle(Command(id), CancellationToken.None));

        Assert.That(error.Code, Is.EqualTo("PHONE_NUMBER_NOT_FOUND"));
        _releaseRequests.Verify(r => r.AddAsync(It.IsAny<ReleaseRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_WhenNumberIsFree_StoresOnePendingRequestAsCustomerAndReturnsIt()
    {
        var number = new PhoneNumberBuilder().WithNumber("+15551234567").Build();
        GivenNumber(number.Id, number);
        ReleaseRequest? stored = null;
        _releaseRequests
            .Setup(r => r.AddAsync(It.Is<ReleaseRequest>(r => r.History.Single().Actor.Type == Actor.CustomerType), It.IsAny<CancellationToken>()))
            .Callback((ReleaseRequest request, CancellationToken _) => stored = request)
            .Returns(Task.CompletedTask);

        var dto = await Handler().Handle(Command(number.Id, "   " + Reason + "\n  "), CancellationToken.None);

        _releaseRequests.Verify(r => r.AddAsync(It.Is<ReleaseRequest>(r => r.History.Single().Actor.Type == Actor.CustomerType), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(stored, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.Status, Is.EqualTo(ReleaseRequestStatus.Pending));
            Assert.That(stored.PhoneNumberId, Is.EqualTo(number.Id));
            Assert.That(stored.EnvironmentId, Is.EqualTo(Ids.Environment));

            Assert.That(dto.Id, Is.EqualTo(stored.Id).And.Not.EqualTo(Guid.Empty));
            Assert.That(dto.PhoneNumberId, Is.EqualTo(number.Id));
            Assert.That(dto.PhoneNumber, Is.EqualTo("+15551234567"));
            Assert.That(dto.Reason, Is.EqualTo(Reason));
            Assert.That(dto.Status, Is.EqualTo("pending"));
            Assert.That(dto.RequestedAt, Is.EqualTo(_clock.UtcNow));
            Assert.That(dto.RequestedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(dto.ResolvedAt, Is.Null);
            Assert.That(dto.ResolutionNote, Is.Null);
        }
    }

    [Test]
    public void Handle_WhenARequestIsAlreadyPending_ThrowsAlreadyPendingAndStoresNothing()
    {
        var number = new PhoneNumberBuilder().WithPendingRelease().Build();
        GivenNumber(number.Id, number);

        var error = Assert.ThrowsAsync<DomainException>(() => Handler().Handle(Command(number.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo("RELEASE_ALREADY_PENDING"));
            Assert.That(error.Message, Is.EqualTo("A release request for this phone number is already pending"));
        }

        _releaseRequests.Verify(r => r.AddAsync(It.IsAny<ReleaseRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenNumberIsAssignedToAnAgent_ThrowsInUseAndStoresNothing()
    {
        var number = new PhoneNumberBuilder().AssignedTo(Guid.NewGuid()).Build();
        GivenNumber(number.Id, number);

        var error = Assert.ThrowsAsync<DomainException>(() => Handler().Handle(Command(number.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo("PHONE_NUMBER_IN_USE"));
            Assert.That(error.Message, Is.EqualTo("Phone number is currently assigned to active agents and cannot be released"));
        }

        _releaseRequests.Verify(r => r.AddAsync(It.IsAny<ReleaseRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
