using Talkover.Application.PhoneNumbers;
using Talkover.Application.Tests.Support;

namespace Talkover.Application.Tests.PhoneNumbers;

[TestFixture]
public sealed class PhoneNumberMappingTests
{
    private readonly FixedTimeProvider _clock = new();

    private PhoneNumberDto Map(PhoneNumberReadModel model) => TestMapper.Create().MapPhoneNumber(model, _clock);

    [Test]
    public void MapPhoneNumber_WhenUsNumber_FormatsNationalAndInternational()
    {
        var dto = Map(new PhoneNumberReadModelBuilder().WithNumber("+15551234567").Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Number, Is.EqualTo("+15551234567"));
            Assert.That(dto.FormattedNumber, Is.EqualTo("(555) 123-4567"));
            Assert.That(dto.InternationalNumber, Is.EqualTo("+1 555-123-4567"));
        }
    }

    [Test]
    public void MapPhoneNumber_WhenRenewalIsTwentyDaysAhead_CountsTwentyDaysAndIsNotDue()
    {
        var dto = Map(new PhoneNumberReadModelBuilder().RenewingOn(_clock.Today.AddDays(20)).Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.DaysUntilMonthlyRenewal, Is.EqualTo(20));
            Assert.That(dto.IsDueForMonthlyRenewal, Is.False);
        }
    }

    [Test]
    public void MapPhoneNumber_WhenRenewalIsTomorrow_CountsOneDayAndIsNotDue()
    {
        var dto = Map(new PhoneNumberReadModelBuilder().RenewingOn(_clock.Today.AddDays(1)).Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.DaysUntilMonthlyRenewal, Is.EqualTo(1));
            Assert.That(dto.IsDueForMonthlyRenewal, Is.False);
        }
    }

    [Test]
    public void MapPhoneNumber_WhenRenewalIsToday_CountsZeroAndIsDue()
    {
        var dto = Map(new PhoneNumberReadModelBuilder().RenewingOn(_clock.Today).Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.DaysUntilMonthlyRenewal, Is.Zero);
            Assert.That(dto.IsDueForMonthlyRenewal, Is.True);
        }
    }

    [Test]
    public void MapPhoneNumber_WhenRenewalHasPassed_CountsZeroAndIsDue()
    {
        var dto = Map(new PhoneNumberReadModelBuilder().RenewingOn(_clock.Today.AddDays(-3)).Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.DaysUntilMonthlyRenewal, Is.Zero);
            Assert.That(dto.IsDueForMonthlyRenewal, Is.True);
        }
    }

    [Test]
    public void MapPhoneNumber_WhenThereIsNoRenewalDate_HasNoCountdownAndIsNotDue()
    {
        var dto = Map(new PhoneNumberReadModelBuilder().RenewingOn(null).Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.DaysUntilMonthlyRenewal, Is.Null);
            Assert.That(dto.IsDueForMonthlyRenewal, Is.False);
        }
    }

    [Test]
    public void MapPhoneNumber_WhenClockIsJustBeforeUtcMidnight_CountsFromTheUtcDate()
    {
        var lateClock = new FixedTimeProvider(new DateTimeOffset(2024, 1, 15, 23, 59, 59, TimeSpan.Zero));
        var model = new PhoneNumberReadModelBuilder().RenewingOn(new DateOnly(2024, 1, 16)).Build();

        var dto = TestMapper.Create().MapPhoneNumber(model, lateClock);

        Assert.That(dto.DaysUntilMonthlyRenewal, Is.EqualTo(1));
    }

    [Test]
    public void MapPhoneNumber_WhenAgentsAreAssigned_ListsThemWithDirection()
    {
        var agentId = Guid.NewGuid();
        var model = new PhoneNumberReadModelBuilder().Build() with { Agents = [new AssignedAgentReadModel(agentId, "Front desk", "inbound")] };

        var dto = Map(model);

        Assert.That(dto.Agents, Is.EqualTo(new[] { new AssignedAgentDto(agentId, "Front desk", "inbound") }));
    }

    [Test]
    public void MapPhoneNumbers_MapsThePageInOrder_EachAgainstToday_WithAgentsOnlyWhereAssigned()
    {
        var agentId = Guid.NewGuid();
        var models = new[]
        {
            new PhoneNumberReadModelBuilder().WithNumber("+15551234567").RenewingOn(_clock.Today.AddDays(3)).Build(),
            new PhoneNumberReadModelBuilder().WithNumber("+15551234568").Build() with { Agents = [new AssignedAgentReadModel(agentId, "Front desk", "inbound")] },
            new PhoneNumberReadModelBuilder().WithNumber("+15551234569").RenewingOn(_clock.Today).Build(),
        };

        var page = TestMapper.Create().MapPhoneNumbers(models, _clock);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Select(d => d.Number), Is.EqualTo(new[] { "+15551234567", "+15551234568", "+15551234569" }));
            Assert.That(page.Select(d => d.DaysUntilMonthlyRenewal), Is.EqualTo(new int?[] { 3, null, 0 }));
            Assert.That(page.Select(d => d.IsDueForMonthlyRenewal), Is.EqualTo(new[] { false, false, true }));
            Assert.That(page[0].Agents, Is.Empty);
            Assert.That(page[1].Agents, Is.EqualTo(new[] { new AssignedAgentDto(agentId, "Front desk", "inbound") }));
            Assert.That(page[2].Agents, Is.Empty);
        }
    }

    [Test]
    public void MapPhoneNumbers_WhenThePageIsEmpty_GivesAnEmptyPage() =>
        Assert.That(TestMapper.Create().MapPhoneNumbers([], _clock), Is.Empty);
}
