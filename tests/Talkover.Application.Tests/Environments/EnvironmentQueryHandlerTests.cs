using Moq;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Environments;
using Talkover.Application.Environments.GetEnvironment;
using Talkover.Application.Environments.ListEnvironments;
using Talkover.Application.Tests.Support;
using Talkover.Domain.Common;

namespace Talkover.Application.Tests.Environments;

[TestFixture]
public sealed class EnvironmentQueryHandlerTests
{
    private static readonly DateTime Created = FixedTimeProvider.SeedNow.UtcDateTime;

    private Mock<IEnvironmentQueries> _queries = null!;

    [SetUp]
    public void SetUp() => _queries = new Mock<IEnvironmentQueries>(MockBehavior.Strict);

    private static EnvironmentReadModel Environment(string name) => new() { Id = Guid.CreateVersion7(), Name = name, PlanName = "enterprise", CreatedAt = Created };

    [TestCase(null, null)]
    [TestCase("", null)]
    [TestCase("   ", null)]
    [TestCase("  Acme ", "Acme")]
    [TestCase("100%", "100%")]
    public async Task ListHandle_PassesTheTrimmedSearchOrNoneAndPagesTheResult(string? search, string? expected)
    {
        var page = new PageRequest(2, 1);
        var acme = Environment("Acme");
        _queries.Setup(q => q.ListAsync(expected, ListWindow.For(page, null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ListSlice<EnvironmentReadModel>([acme], HasMore: true, new ListCount(3, Capped: false)));
        var query = new ListEnvironmentsQuery(search is null ? Input<string>.Missing : search, page);

        var result = await new ListEnvironmentsQueryHandler(_queries.Object, TestMapper.Create()).Handle(query, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Items, Is.EqualTo(new[] { new EnvironmentDto { Id = acme.Id, Name = "Acme", Plan = "enterprise", CreatedAt = Created } }));
            Assert.That(result.Meta with { NextCursor = null }, Is.EqualTo(new PageMeta(2, 1, 3, 3)));
            Assert.That(result.Meta.NextCursor, Is.Not.Null, "a third environment follows");
        });
    }

    [Test]
    public async Task GetHandle_MapsTokensAndCounts()
    {
        var id = Guid.CreateVersion7();
        var used = new EnvironmentTokenReadModel { Id = Guid.CreateVersion7(), CreatedAt = Created, LastUsedAt = Created.AddMinutes(5) };
        var revoked = new EnvironmentTokenReadModel { Id = Guid.CreateVersion7(), CreatedAt = Created.AddMinutes(1), RevokedAt = Created.AddMinutes(2) };
        _queries.Setup(q => q.GetAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(new EnvironmentDetailReadModel
        {
            Id = id,
            Name = "Acme",
            PlanName = "standard",
            CreatedAt = Created,
            Tokens = [used, revoked],
            ActivePhoneNumbers = 4,
            PendingReleaseRequests = 1,
        });

        var dto = await new GetEnvironmentQueryHandler(_queries.Object, TestMapper.Create()).Handle(new GetEnvironmentQuery(id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((dto.Id, dto.Name, dto.Plan, dto.CreatedAt), Is.EqualTo((id, "Acme", "standard", Created)));
            Assert.That(dto.Tokens, Is.EqualTo(new[]
            {
                new EnvironmentTokenDto { Id = used.Id, CreatedAt = Created, LastUsedAt = Created.AddMinutes(5) },
                new EnvironmentTokenDto { Id = revoked.Id, CreatedAt = Created.AddMinutes(1), RevokedAt = Created.AddMinutes(2) },
            }));
            Assert.That((dto.ActivePhoneNumbers, dto.PendingReleaseRequests), Is.EqualTo((4L, 1L)));
        });
    }

    [Test]
    public void GetHandle_WhenTheEnvironmentIsUnknown_ThrowsEnvironmentNotFound()
    {
        var id = Guid.CreateVersion7();
        _queries.Setup(q => q.GetAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync((EnvironmentDetailReadModel?)null);

        var error = Assert.ThrowsAsync<DomainException>(() =>
            new GetEnvironmentQueryHandler(_queries.Object, TestMapper.Create()).Handle(new GetEnvironmentQuery(id), CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo("ENVIRONMENT_NOT_FOUND"));
    }
}
