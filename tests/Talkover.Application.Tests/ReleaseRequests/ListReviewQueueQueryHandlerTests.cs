using Moq;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.ReleaseRequests;
using Talkover.Application.ReleaseRequests.Review.ListReviewQueue;
using Talkover.Application.Tests.Support;

namespace Talkover.Application.Tests.ReleaseRequests;

[TestFixture]
public sealed class ListReviewQueueQueryHandlerTests
{
    private Mock<IReleaseRequestQueries> _queries = null!;

    [SetUp]
    public void SetUp() => _queries = new Mock<IReleaseRequestQueries>(MockBehavior.Strict);

    [TestCase(null, null)]
    [TestCase(" ", null)]
    [TestCase(" 555 12 ", "555 12")]
    public async Task Handle_PendingByDefault_PassesTheTrimmedSearchAndKeepsTheEnvironmentName(string? search, string? expected)
    {
        var model = new ReleaseRequestReadModel
        {
            Id = Guid.CreateVersion7(),
            EnvironmentId = Ids.Environment,
            EnvironmentName = "Acme",
            PhoneNumberId = Guid.CreateVersion7(),
            PhoneNumber = "+15551234567",
            Reason = "No longer needed for outbound calls.",
            Status = "pending",
            RequestedAt = FixedTimeProvider.SeedNow.UtcDateTime,
        };
        _queries.Setup(q => q.ListQueueAsync("pending", null, expected, ListWindow.For(PageRequest.Default, null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ListSlice<ReleaseRequestReadModel>([model], HasMore: false, new ListCount(1, Capped: false)));
        var query = new ListReviewQueueQuery(Input<string>.Missing, Input<Guid>.Missing, search is null ? Input<string>.Missing : search, PageRequest.Default);

        var result = await new ListReviewQueueQueryHandler(_queries.Object, TestMapper.Create()).Handle(query, CancellationToken.None);

        var item = result.Items.Single();
        Assert.Multiple(() =>
        {
            Assert.That((item.Id, item.EnvironmentId, item.EnvironmentName), Is.EqualTo((model.Id, Ids.Environment, "Acme")));
            Assert.That(item.History, Is.Null);
            Assert.That(result.Meta, Is.EqualTo(new PageMeta(1, 20, 1, 1)));
        });
    }
}
