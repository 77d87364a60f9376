using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Talkover.Application;
using Talkover.Application.Abstractions;
using Talkover.Application.Agents;
using Talkover.Application.Agents.CreateAgent;
using Talkover.Application.Agents.ListAgents;
using Talkover.Application.Agents.UpdateAgentCalling;
using Talkover.Application.Common;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.ListPhoneNumbers;
using Talkover.Application.ReleaseRequests.CancelReleaseRequest;
using Talkover.Application.ReleaseRequests.RequestRelease;
using Talkover.Application.ReleaseRequests.Review.ApproveReleaseRequest;
using Talkover.Application.ReleaseRequests.Review.RejectReleaseRequest;
using Talkover.Domain.Common;
using Talkover.Domain.Environments;
using Talkover.Domain.PhoneNumbers;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Staff;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence.Repositories;

/// <summary>
/// What the repositories and read queries promise, written once and run against every provider
/// (each derived fixture supplies a fresh database), so "both providers behave the same" is this code.
/// Everything goes through the real composition: ProcessSetup, AddInfrastructure, one DI scope per command.
/// </summary>
public abstract class RepositoryContractTests
{
    private const string Committed = "committed";
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider? _services;

    protected ServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture's database is not set up.");

    /// <summary>Creates an empty database and returns the configuration the service would read for it.</summary>
    protected abstract IReadOnlyDictionary<string, string?> CreateDatabase();

    /// <summary>Deletes what <see cref="CreateDatabase"/> made; also called when set-up stopped half way.</summary>
    protected abstract void DropDatabase();

    [OneTimeSetUp]
    public void CreateAndMigrateDatabase()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(CreateDatabase()).Build();
        var options = DependencyInjection.ReadDatabaseOptions(configuration);

        ProcessSetup.Configure();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(options);
        services.AddSingleton<IWebhookEventSerializer, TestEventSerializer>();
        services.AddSingleton(Mock.Of<IConsoleLinks>(links => links.SetupUrl(It.IsAny<string>()) == "http://console.test/console/setup"));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        new DatabaseMigrator(_services.GetRequiredService<DatabaseOptions>()).Migrate();
    }

    [OneTimeTearDown]
    public async Task DisposeAndDropDatabase()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
            _services = null;
        }

        DropDatabase();
    }

    private static IEnumerable<TestCaseData> Profiles()
    {
        yield return new TestCaseData(TestData.FullProfile()).SetArgDisplayNames("every field set");
        yield return new TestCaseData(TestData.MinimalProfile()).SetArgDisplayNames("optional fields null");
    }

    [TestCaseSource(nameof(Profiles))]
    public async Task PhoneNumberAdd_WhenProvisioned_RoundTripsThroughTheReadQuery(PhoneNumberProfile profile)
    {
        var phone = await ProvisionAsync(profile);

        await using var scope = Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<IPhoneNumberQueries>().GetAsync(phone.EnvironmentId, phone.Id, None);

        Assert.That(model, Is.Not.Null);
        Assert.That(
            (model!.Id, model.EnvironmentId, model.Number, model.CurrentStatus, model.PendingReleaseRequestId),
            Is.EqualTo((phone.Id, phone.EnvironmentId, phone.Number, PhoneNumberStatus.Active, (Guid?)null)));
        Assert.That(ProfileOf(model), Is.EqualTo(profile));
        Assert.That(model.CreatedAt, Is.EqualTo(TestData.Now));
        Assert.That(model.UpdatedAt, Is.EqualTo(TestData.Now));
        Assert.That(model.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That(model.Agents, Is.Empty);
    }

    [Test]
    public async Task PhoneNumberGetForUpdate_WhenAReleaseIsPending_RehydratesThePendingRequest()
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var request = await RequestReleaseAsync(phone);

        await using var scope = Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await unitOfWork.BeginAsync(None);
        var loaded = await scope.ServiceProvider.GetRequiredService<IPhoneNumberRepository>().GetForUpdateAsync(phone.EnvironmentId, phone.Id, None);
        var model = await scope.ServiceProvider.GetRequiredService<IPhoneNumberQueries>().GetAsync(phone.EnvironmentId, phone.Id, None);

        Assert.That(loaded, Is.Not.Null);
        Assert.That(loaded!.PendingReleaseRequestId, Is.EqualTo(request.Id));
        Assert.That(loaded.Profile, Is.EqualTo(phone.Profile));
        Assert.That((loaded.Status, loaded.CreatedAt, loaded.UpdatedAt), Is.EqualTo((PhoneNumberStatus.Active, TestData.Now, TestData.Now)));
        Assert.That(model?.PendingReleaseRequestId, Is.EqualTo(request.Id));
    }

    [Test]
    public async Task PhoneNumberGetForUpdate_WhenNumberBelongsToAnotherEnvironment_ReturnsNull()
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var otherEnvironmentId = await SeedEnvironmentAsync();

        await using var scope = Services.CreateAsyncScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<IPhoneNumberRepository>().GetForUpdateAsync(otherEnvironmentId, phone.Id, None);
        var model = await scope.ServiceProvider.GetRequiredService<IPhoneNumberQueries>().GetAsync(otherEnvironmentId, phone.Id, None);

        Assert.That(loaded, Is.Null);
        Assert.That(model, Is.Null);
    }

    [Test]
    public async Task ReleaseRequestAdd_WhenASecondPendingRequestBypassesTheDomain_ThrowsReleaseAlreadyPending()
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        // Two copies of the same number, as two racing commands would each have loaded it:
        // neither sees the other's request, so only the filtered unique index can stop the second.
        var first = Rehydrated(phone).RequestRelease(Guid.CreateVersion7(), ReleaseReason.From(TestData.Reason), TestData.Now, Actor.Customer(null));
        var second = Rehydrated(phone).RequestRelease(Guid.CreateVersion7(), ReleaseReason.From(TestData.Reason), TestData.Now, Actor.Customer(null));
        await InTransactionAsync(provider => provider.GetRequiredService<IReleaseRequestRepository>().AddAsync(first, None));

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync(None);
        var repository = scope.ServiceProvider.GetRequiredService<IReleaseRequestRepository>();

        var error = Assert.ThrowsAsync<DomainException>(() => repository.AddAsync(second, None));

        Assert.That(error!.Code, Is.EqualTo("RELEASE_ALREADY_PENDING"));
        Assert.That(await PendingRequestCountAsync(phone.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task PhoneNumberAdd_WhenAnotherActiveNumberHasTheSameE164_ThrowsPhoneNumberAlreadyExists()
    {
        var existing = await ProvisionAsync(TestData.FullProfile());
        var otherEnvironmentId = await SeedEnvironmentAsync();
        var duplicate = PhoneNumber.Provision(Guid.CreateVersion7(), otherEnvironmentId, existing.Number, TestData.MinimalProfile(), TestData.Now);

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync(None);
        var repository = scope.ServiceProvider.GetRequiredService<IPhoneNumberRepository>();

        Assert.That(await repository.ActiveNumberExistsAsync(existing.Number, None), Is.True);
        var error = Assert.ThrowsAsync<DomainException>(() => repository.AddAsync(duplicate, None));
        Assert.That(error!.Code, Is.EqualTo("PHONE_NUMBER_ALREADY_EXISTS"));
    }

    private static readonly ListWindow FirstPage = ListWindow.For(PageRequest.Default, null);

    private static readonly string[] AgentNamesWithLikeCharacters =
        ["Desk [1]", "Desk 1", "Desk ]1", "100% sales", "100 sales", "front_desk", "frontXdesk", @"back\slash", "backslash"];

    [TestCase("[")]
    [TestCase("]")]
    [TestCase("%")]
    [TestCase("_")]
    [TestCase(@"\")]
    [TestCase("[1]")]
    [TestCase("0% s")]
    [TestCase("t_d")]
    [TestCase(@"k\s")]
    public async Task AgentList_WhenSearchHasLikeSpecialCharacters_FindsNamesThatContainThemLiterally(string search)
    {
        var environmentId = await SeedEnvironmentAsync();
        foreach (var name in AgentNamesWithLikeCharacters)
        {
            await SendAsync(new CreateAgentCommand(environmentId, name, Input<string>.Missing, Input<string>.Missing, Input<string>.Missing));
        }

        await using var scope = Services.CreateAsyncScope();
        var slice = await scope.ServiceProvider.GetRequiredService<IAgentQueries>().ListAsync(
            environmentId, new AgentFilter(null, null, search), FirstPage, None);
        var (items, total) = (slice.Items, slice.Count.Total);

        var expected = AgentNamesWithLikeCharacters.Where(name => name.Contains(search, StringComparison.Ordinal)).ToArray();
        Assert.That(expected, Is.Not.Empty);
        Assert.That(items.Select(a => a.Name), Is.EquivalentTo(expected));
        Assert.That(total, Is.EqualTo(expected.Length));
    }

    [TestCase("[0-9]")]
    [TestCase("[+]")]
    [TestCase("%")]
    [TestCase("_")]
    [TestCase("5_5")]
    [TestCase(@"\")]
    public async Task PhoneNumberList_WhenSearchIsAPatternNotInTheNumber_FindsNothing(string search)
    {
        var phone = await ProvisionAsync(TestData.FullProfile());

        await using var scope = Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IPhoneNumberQueries>();
        var slice = await queries.ListAsync(phone.EnvironmentId, new PhoneNumberFilter(null, null, null, search, null), FirstPage, None);
        var (items, total) = (slice.Items, slice.Count.Total);
        var byDigits = (await queries.ListAsync(phone.EnvironmentId, new PhoneNumberFilter(null, null, null, phone.Number[^4..], null), FirstPage, None)).Items;

        Assert.That(items, Is.Empty);
        Assert.That(total, Is.Zero);
        Assert.That(byDigits.Select(p => p.Id), Is.EqualTo(new[] { phone.Id }), "a plain substring still finds the number");
    }

    [TestCase(0, 12)]
    [TestCase(1, 11)]
    [TestCase(3, 5)]
    [TestCase(8, 4)]
    [TestCase(2, 4)]
    public async Task PhoneNumberList_WhenSearchIsDigitsOfTheNumber_FindsItWhereverTheyStand(int start, int length)
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var search = phone.Number.Substring(start, Math.Min(length, phone.Number.Length - start));

        await using var scope = Services.CreateAsyncScope();
        var slice = await scope.ServiceProvider.GetRequiredService<IPhoneNumberQueries>().ListAsync(
            phone.EnvironmentId, new PhoneNumberFilter(null, null, null, search, null), FirstPage, None);

        Assert.That(slice.Items.Select(p => p.Id), Does.Contain(phone.Id), $"{search} in {phone.Number}");
        Assert.That(slice.Items.Select(p => p.Number), Has.All.Contains(search));
    }

    [Test]
    public async Task Lists_ReadEachRowsChildrenInTheOrderTheSingleReadsDo()
    {
        var first = await ProvisionAsync(TestData.FullProfile());
        var environmentId = first.EnvironmentId;
        var second = PhoneNumber.Provision(Guid.CreateVersion7(), environmentId, TestData.UniqueE164(), TestData.MinimalProfile(), TestData.Now);
        var free = PhoneNumber.Provision(Guid.CreateVersion7(), environmentId, TestData.UniqueE164(), TestData.MinimalProfile(), TestData.Now);
        await InTransactionAsync(async provider =>
        {
            await provider.GetRequiredService<IPhoneNumberRepository>().AddAsync(second, None);
            await provider.GetRequiredService<IPhoneNumberRepository>().AddAsync(free, None);
        });

        // Two agents holding both numbers, created in an order their names do not follow, and one holding none.
        var agents = new List<Guid>();
        foreach (var name in new[] { "Zulu desk", "Alpha desk", "Idle desk" })
        {
            agents.Add((await SendAsync(new CreateAgentCommand(environmentId, name, Input<string>.Missing, Input<string>.Missing, Input<string>.Missing))).Id);
        }

        foreach (var agent in agents.Take(2))
        {
            await SendAsync(new UpdateAgentCallingCommand(environmentId, agent, "inbound", new List<Guid> { second.Id, first.Id }));
        }

        await using var scope = Services.CreateAsyncScope();
        var numbers = scope.ServiceProvider.GetRequiredService<IPhoneNumberQueries>();
        var listedNumbers = (await numbers.ListAsync(environmentId, new PhoneNumberFilter(null, null, null, null, null), FirstPage, None)).Items;
        var agentQueries = scope.ServiceProvider.GetRequiredService<IAgentQueries>();
        var listedAgents = (await agentQueries.ListAsync(environmentId, new AgentFilter(null, null, null), FirstPage, None)).Items;

        var singleNumbers = new Dictionary<Guid, PhoneNumberReadModel>();
        foreach (var phone in new[] { first, second, free })
        {
            singleNumbers[phone.Id] = (await numbers.GetAsync(environmentId, phone.Id, None))!;
        }

        var singleAgents = new Dictionary<Guid, AgentReadModel>();
        foreach (var agent in agents)
        {
            singleAgents[agent] = (await agentQueries.GetAsync(environmentId, agent, None))!;
        }

        Assert.Multiple(() =>
        {
            foreach (var (id, single) in singleNumbers)
            {
                Assert.That(listedNumbers.Single(p => p.Id == id).Agents, Is.EqualTo(single.Agents), single.Number);
            }

            foreach (var (id, single) in singleAgents)
            {
                Assert.That(listedAgents.Single(a => a.Id == id).PhoneNumbers, Is.EqualTo(single.PhoneNumbers), single.Name);
            }

            Assert.That(listedNumbers.Single(p => p.Id == first.Id).Agents.Select(a => a.Id), Is.EqualTo(agents.Take(2)), "oldest agent first");
            Assert.That(listedNumbers.Single(p => p.Id == free.Id).Agents, Is.Empty);
            Assert.That(listedAgents.Single(a => a.Id == agents[0]).PhoneNumbers.Select(n => n.Number), Is.Ordered, "numbers in order");
            Assert.That(listedAgents.Single(a => a.Id == agents[0]).PhoneNumbers, Has.Count.EqualTo(2));
            Assert.That(listedAgents.Single(a => a.Id == agents[2]).PhoneNumbers, Is.Empty);
        });
    }

    [Test]
    public async Task PhoneNumberList_ReadsEveryFieldAsTheSingleNumberReadDoes()
    {
        var full = await ProvisionAsync(TestData.FullProfile());
        var minimal = await ProvisionAsync(TestData.MinimalProfile());
        await SendAsync(new RequestPhoneNumberReleaseCommand(full.EnvironmentId, full.Id, TestData.Reason, Actor.Customer(null)));

        await using var scope = Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IPhoneNumberQueries>();
        foreach (var phone in new[] { full, minimal })
        {
            var single = await queries.GetAsync(phone.EnvironmentId, phone.Id, None);
            var listed = (await queries.ListAsync(phone.EnvironmentId, new PhoneNumberFilter(null, null, null, null, null), FirstPage, None)).Items.Single(p => p.Id == phone.Id);

            Assert.That(listed with { Agents = [] }, Is.EqualTo(single! with { Agents = [] }), phone.Number);
        }
    }

    [TestCase("ab\U0001F600xyz")]
    [TestCase("abc\U0001F600yz")]
    [TestCase("ab\U0001F600\U0001F601yz")]
    public async Task AgentList_WhenALongSearchHasACharacterOutsideTheBasicPlane_StillFindsIt(string search)
    {
        var environmentId = await SeedEnvironmentAsync();
        await SendAsync(new CreateAgentCommand(environmentId, $"Desk {search} line", Input<string>.Missing, Input<string>.Missing, Input<string>.Missing));

        await using var scope = Services.CreateAsyncScope();
        var slice = await scope.ServiceProvider.GetRequiredService<IAgentQueries>().ListAsync(environmentId, new AgentFilter(null, null, search), FirstPage, None);

        Assert.That(slice.Items.Select(a => a.Name), Is.EqualTo(new[] { $"Desk {search} line" }));
    }

    private static readonly string[] EnvironmentNamesWithLikeCharacters = ["Acme [1]", "Acme 1", "100% sales", "100 sales", "front_desk", "frontXdesk", @"back\slash"];

    [TestCase("[1]")]
    [TestCase("0% s")]
    [TestCase("t_d")]
    [TestCase(@"k\s")]
    public async Task EnvironmentList_WhenSearchHasLikeSpecialCharacters_FindsNamesThatContainThemLiterally(string search)
    {
        // Every environment of the database is listed, so this test's own carry a marker of their own.
        var marker = $"{Guid.NewGuid():N}"[..8];
        foreach (var name in EnvironmentNamesWithLikeCharacters)
        {
            var environment = new TenantEnvironment(Guid.CreateVersion7(), $"{name} {marker}", Plans.Standard, TestData.Now);
            await InTransactionAsync(provider => provider.GetRequiredService<IEnvironmentRepository>().AddAsync(environment, None));
        }

        await using var scope = Services.CreateAsyncScope();
        var items = (await scope.ServiceProvider.GetRequiredService<IEnvironmentQueries>().ListAsync(search, ListWindow.For(new PageRequest(1, PageRequest.MaxPerPage), null), None)).Items;

        var expected = EnvironmentNamesWithLikeCharacters.Where(name => name.Contains(search, StringComparison.Ordinal)).Select(name => $"{name} {marker}").ToArray();
        Assert.That(expected, Is.Not.Empty);
        Assert.That(items.Select(e => e.Name).Where(name => name.EndsWith(marker, StringComparison.Ordinal)), Is.EquivalentTo(expected));
    }

    [Test]
    public async Task EnvironmentGet_ShowsTokensWithTheirUseAndCountsOnlyActiveNumbersAndPendingRequests()
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var environmentId = phone.EnvironmentId;
        var free = PhoneNumber.Provision(Guid.CreateVersion7(), environmentId, TestData.UniqueE164(), TestData.MinimalProfile(), TestData.Now);
        var used = new EnvironmentToken(Guid.CreateVersion7(), environmentId, new string('a', 32) + Guid.NewGuid().ToString("N"), TestData.Now, null);
        var revoked = used with { Id = Guid.CreateVersion7(), TokenHash = new string('b', 32) + Guid.NewGuid().ToString("N"), CreatedAt = TestData.Now.AddMinutes(1) };
        await InTransactionAsync(async provider =>
        {
            await provider.GetRequiredService<IPhoneNumberRepository>().AddAsync(free, None);
            var environments = provider.GetRequiredService<IEnvironmentRepository>();
            await environments.AddTokenAsync(used, None);
            await environments.AddTokenAsync(revoked, None);
            await environments.TouchTokenAsync(used.Id, TestData.Now.AddMinutes(2), TimeSpan.FromMinutes(1), None);
            await environments.TouchTokenAsync(used.Id, TestData.Now.AddMinutes(2).AddSeconds(30), TimeSpan.FromMinutes(1), None);
            await environments.RevokeTokenAsync(revoked.Id, TestData.Now.AddMinutes(3), None);
        });
        await RequestReleaseAsync(phone);

        await using var scope = Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IEnvironmentQueries>();
        var detail = await queries.GetAsync(environmentId, None);
        var unknown = await queries.GetAsync(Guid.CreateVersion7(), None);

        Assert.Multiple(() =>
        {
            Assert.That(unknown, Is.Null);
            Assert.That(detail!.Id, Is.EqualTo(environmentId));
            Assert.That(detail.PlanName, Is.EqualTo(Plans.Standard));
            Assert.That(
                detail.Tokens.Select(t => (t.Id, t.CreatedAt, t.LastUsedAt, t.RevokedAt)),
                Is.EqualTo(new[]
                {
                    (used.Id, TestData.Now, (DateTime?)TestData.Now.AddMinutes(2), (DateTime?)null),
                    (revoked.Id, TestData.Now.AddMinutes(1), null, TestData.Now.AddMinutes(3)),
                }),
                "oldest first; a second use within the granularity writes nothing");
            Assert.That((detail.ActivePhoneNumbers, detail.PendingReleaseRequests), Is.EqualTo((2L, 1L)));
        });
    }

    [Test]
    public async Task ReleaseRequestAdd_WhenSixteenCommandsRaceForOneNumber_ExactlyOneCommitsAndTheRestGetReleaseAlreadyPending([Range(1, 5)] int round)
    {
        const int Writers = 16;
        var phone = await ProvisionAsync(TestData.FullProfile());
        var ready = 0;
        var allReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            // The same steps as the request-release command, each writer in its own scope (own connection).
            await using var scope = Services.CreateAsyncScope();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var phoneNumbers = scope.ServiceProvider.GetRequiredService<IPhoneNumberRepository>();
            var releaseRequests = scope.ServiceProvider.GetRequiredService<IReleaseRequestRepository>();
            if (Interlocked.Increment(ref ready) == Writers)
            {
                allReady.SetResult();
            }

            await start.Task;
            try
            {
                await unitOfWork.BeginAsync(None);
                var loaded = await phoneNumbers.GetForUpdateAsync(phone.EnvironmentId, phone.Id, None)
                    ?? throw new InvalidOperationException("The number was not found.");
                var request = loaded.RequestRelease(Guid.CreateVersion7(), ReleaseReason.From(TestData.Reason), TestData.Now, Actor.Customer(null));
                await releaseRequests.AddAsync(request, None);
                await unitOfWork.CommitAsync(None);
                return Committed;
            }
            catch (DomainException ex)
            {
                return ex.Code;
            }
            catch (Exception ex)
            {
                return $"{ex.GetType().FullName}: {ex.Message}";
            }
        })).ToList();

        await allReady.Task.WaitAsync(TimeSpan.FromSeconds(60));
        start.SetResult();
        var outcomes = await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(120));

        var because = $"round {round}: {string.Join(", ", outcomes)}";
        Assert.That(outcomes, Has.Exactly(1).EqualTo(Committed), because);
        Assert.That(outcomes, Has.Exactly(Writers - 1).EqualTo("RELEASE_ALREADY_PENDING"), because);
        Assert.That(await PendingRequestCountAsync(phone.Id), Is.EqualTo(1), because);
        Assert.That(await HistoryCountAsync(phone.Id), Is.EqualTo(1), "only the winner's history row is stored");
    }

    [Test]
    public async Task ReleaseRacingAssignment_ThroughTheCommands_NeverLetsBothSucceed([Range(1, 10)] int round)
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var agent = await SendAsync(new CreateAgentCommand(phone.EnvironmentId, "Race agent", Input<string>.Missing, Input<string>.Missing, Input<string>.Missing));

        var (release, assign) = await RaceAsync(
            new RequestPhoneNumberReleaseCommand(phone.EnvironmentId, phone.Id, TestData.Reason, Actor.Customer(null)),
            new UpdateAgentCallingCommand(phone.EnvironmentId, agent.Id, "inbound", new List<Guid> { phone.Id }));

        var because = $"round {round}: release {release}, assign {assign}";
        Assert.That((release, assign), Is.EqualTo((Committed, "PHONE_NUMBER_RELEASE_PENDING")).Or.EqualTo(("PHONE_NUMBER_IN_USE", Committed)), because);
        var pending = await PendingRequestCountAsync(phone.Id);
        var assigned = await ScalarAsync("SELECT COUNT(*) FROM agent_phone_numbers WHERE phone_number_id = @Id", phone.Id);
        Assert.That(pending + assigned, Is.EqualTo(1), because);
    }

    [Test]
    public async Task ApproveRacingReject_ThroughTheCommands_ExactlyOneDecides([Range(1, 10)] int round)
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var request = await RequestReleaseAsync(phone);

        var (approve, reject) = await RaceAsync(
            new ApproveReleaseRequestCommand(request.Id, Input<string>.Missing, Actor.System),
            new RejectReleaseRequestCommand(request.Id, "The number is still under contract.", Actor.System));

        var because = $"round {round}: approve {approve}, reject {reject}";
        Assert.That(new[] { approve, reject }, Is.EquivalentTo(new[] { Committed, "RELEASE_REQUEST_NOT_PENDING" }), because);
        Assert.That(await HistoryCountAsync(phone.Id), Is.EqualTo(2), "one row for the request, one for the single decision");
        var released = await ScalarAsync("SELECT COUNT(*) FROM phone_numbers WHERE id = @Id AND current_status = 'released'", phone.Id);
        Assert.That(released, Is.EqualTo(approve == Committed ? 1 : 0), because);
    }

    [Test]
    public async Task CancelRacingApprove_ThroughTheCommands_ExactlyOneWins([Range(1, 10)] int round)
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var request = await RequestReleaseAsync(phone);

        var (cancel, approve) = await RaceAsync(
            new CancelReleaseRequestCommand(phone.EnvironmentId, request.Id, Input<string>.Missing, Actor.Customer(null)),
            new ApproveReleaseRequestCommand(request.Id, Input<string>.Missing, Actor.System));

        var because = $"round {round}: cancel {cancel}, approve {approve}";
        Assert.That(new[] { cancel, approve }, Is.EquivalentTo(new[] { Committed, "RELEASE_REQUEST_NOT_PENDING" }), because);
        var status = await ScalarTextAsync("SELECT status FROM release_requests WHERE id = @Id", request.Id);
        var numberStatus = await ScalarTextAsync("SELECT current_status FROM phone_numbers WHERE id = @Id", phone.Id);
        Assert.That((status, numberStatus), Is.EqualTo(approve == Committed ? ("approved", "released") : ("cancelled", "active")), because);
    }

    [Test]
    public async Task AssignmentRacingApproval_ThroughTheCommands_NeverHoldsAReleasedNumber([Range(1, 10)] int round)
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var agent = await SendAsync(new CreateAgentCommand(phone.EnvironmentId, "Race agent", Input<string>.Missing, Input<string>.Missing, Input<string>.Missing));
        var request = await RequestReleaseAsync(phone);

        var (assign, approve) = await RaceAsync(
            new UpdateAgentCallingCommand(phone.EnvironmentId, agent.Id, "inbound", new List<Guid> { phone.Id }),
            new ApproveReleaseRequestCommand(request.Id, Input<string>.Missing, Actor.System));

        var because = $"round {round}: assign {assign}, approve {approve}";
        Assert.That(approve, Is.EqualTo(Committed), because);
        Assert.That(assign, Is.EqualTo("PHONE_NUMBER_RELEASE_PENDING").Or.EqualTo("VALIDATION_ERROR"), because);
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM agent_phone_numbers WHERE phone_number_id = @Id", phone.Id), Is.Zero, because);
    }

    [Test]
    public async Task RejectRacingCancel_ThroughTheCommands_ExactlyOneWins([Range(1, 10)] int round)
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var request = await RequestReleaseAsync(phone);

        var (reject, cancel) = await RaceAsync(
            new RejectReleaseRequestCommand(request.Id, "The number is still under contract.", Actor.System),
            new CancelReleaseRequestCommand(phone.EnvironmentId, request.Id, Input<string>.Missing, Actor.Customer(null)));

        var because = $"round {round}: reject {reject}, cancel {cancel}";
        Assert.That(new[] { reject, cancel }, Is.EquivalentTo(new[] { Committed, "RELEASE_REQUEST_NOT_PENDING" }), because);
        Assert.That(await HistoryCountAsync(phone.Id), Is.EqualTo(2), because);
    }

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, None);
    }

    /// <summary>Sends two commands at the same moment, each in its own scope (own connection), through the whole pipeline.</summary>
    private async Task<(string First, string Second)> RaceAsync<TFirst, TSecond>(IRequest<TFirst> first, IRequest<TSecond> second)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<string> Run<T>(IRequest<T> request)
        {
            await using var scope = Services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await start.Task;
            try
            {
                await mediator.Send(request, None);
                return Committed;
            }
            catch (DomainException ex)
            {
                return ex.Code;
            }
            catch (FluentValidation.ValidationException)
            {
                return "VALIDATION_ERROR";
            }
            catch (Exception ex)
            {
                return $"{ex.GetType().FullName}: {ex.Message}";
            }
        }

        var firstTask = Task.Run(() => Run(first));
        var secondTask = Task.Run(() => Run(second));
        start.SetResult();
        var outcomes = await Task.WhenAll(firstTask, secondTask).WaitAsync(TimeSpan.FromSeconds(120));
        return (outcomes[0], outcomes[1]);
    }

    [Test]
    public async Task UnitOfWork_WhenANestedTransactionRollsBack_KeepsTheOuterWritesAndCommitsThem()
    {
        var kept = new TenantEnvironment(Guid.CreateVersion7(), "Outer write", Plans.Standard, TestData.Now);
        var undone = new TenantEnvironment(Guid.CreateVersion7(), "Nested write", Plans.Standard, TestData.Now);

        await InTransactionAsync(async provider =>
        {
            var unitOfWork = provider.GetRequiredService<IUnitOfWork>();
            var environments = provider.GetRequiredService<IEnvironmentRepository>();
            await environments.AddAsync(kept, None);
            await unitOfWork.BeginAsync(None);
            await environments.AddAsync(undone, None);
            await unitOfWork.RollbackAsync(None);
        });

        await using var scope = Services.CreateAsyncScope();
        var environments = scope.ServiceProvider.GetRequiredService<IEnvironmentRepository>();
        Assert.That((await environments.ExistsAsync(kept.Id, None), await environments.ExistsAsync(undone.Id, None)), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task UnitOfWork_WhenTheOuterTransactionRollsBack_UndoesACommittedNestedOneToo()
    {
        var environment = new TenantEnvironment(Guid.CreateVersion7(), "Nested then undone", Plans.Standard, TestData.Now);

        await using (var scope = Services.CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await unitOfWork.BeginAsync(None);
            await unitOfWork.BeginAsync(None);
            await scope.ServiceProvider.GetRequiredService<IEnvironmentRepository>().AddAsync(environment, None);
            await unitOfWork.CommitAsync(None);
            await unitOfWork.RollbackAsync(None);
        }

        await using var check = Services.CreateAsyncScope();
        Assert.That(await check.ServiceProvider.GetRequiredService<IEnvironmentRepository>().ExistsAsync(environment.Id, None), Is.False);
    }

    [Test]
    public async Task IdempotencyStore_WhenTakenSavedAndCommitted_FindsTheResponseAndRefusesASecondTake()
    {
        var key = Guid.NewGuid().ToString("N");
        var response = new StoredResponse(201, "application/json", "/somewhere", [1, 2, 3], "request-1", "fingerprint-1");

        var taken = false;
        await InTransactionAsync(async provider =>
        {
            var store = provider.GetRequiredService<IIdempotencyStore>();
            taken = await store.TryTakeAsync("scope-a", key, "fingerprint-1", TestData.Now, TestData.Now.AddHours(24), None);
            await store.SaveResponseAsync("scope-a", key, response, TestData.Now.AddHours(24), None);
        });

        IdempotencyRecord? found = null;
        var takenAgain = true;
        await InTransactionAsync(async provider =>
        {
            var store = provider.GetRequiredService<IIdempotencyStore>();
            found = await store.FindAsync("scope-a", key, TestData.Now.AddHours(1), None);
            takenAgain = await store.TryTakeAsync("scope-a", key, "fingerprint-2", TestData.Now.AddHours(1), TestData.Now.AddHours(25), None);
        });

        Assert.That(taken, Is.True);
        Assert.That(takenAgain, Is.False);
        Assert.That(found, Is.Not.Null);
        Assert.That(found!.Fingerprint, Is.EqualTo("fingerprint-1"));
        Assert.That(found.Response! with { Body = [] }, Is.EqualTo(response with { Body = [] }));
        Assert.That(found.Response.Body, Is.EqualTo(response.Body));
    }

    [Test]
    public async Task IdempotencyStore_WhenTheTransactionRollsBack_LeavesTheKeyFree()
    {
        var key = Guid.NewGuid().ToString("N");
        await using (var scope = Services.CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await unitOfWork.BeginAsync(None);
            await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().TryTakeAsync("scope-b", key, "f", TestData.Now, TestData.Now.AddHours(24), None);
            await unitOfWork.RollbackAsync(None);
        }

        var takenLater = false;
        await InTransactionAsync(async provider =>
            takenLater = await provider.GetRequiredService<IIdempotencyStore>().TryTakeAsync("scope-b", key, "f", TestData.Now, TestData.Now.AddHours(24), None));

        Assert.That(takenLater, Is.True);
    }

    [Test]
    public async Task IdempotencyStore_WhenALeaseFromAnOlderVersionIsLive_ReportsTheKeyInFlightUntilItExpires()
    {
        var key = Guid.NewGuid().ToString("N");
        await using (var scope = Services.CreateAsyncScope())
        {
            // An instance of the previous version claimed the key with a two-minute lease and is still running.
            await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteAsync(
                """
                INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, state, created_at, expires_at)
                VALUES ('scope-c', @Key, 'f', 'in_flight', @Now, @LeaseEnd)
                """,
                new { Key = key, TestData.Now, LeaseEnd = TestData.Now.AddMinutes(2) }, None);
        }

        IdempotencyRecord? during = null;
        IdempotencyRecord? after = new("unset", null);
        await InTransactionAsync(async provider =>
        {
            var store = provider.GetRequiredService<IIdempotencyStore>();
            during = await store.FindAsync("scope-c", key, TestData.Now.AddMinutes(1), None);
            after = await store.FindAsync("scope-c", key, TestData.Now.AddMinutes(3), None);
        });

        Assert.That(during, Is.EqualTo(new IdempotencyRecord("f", null)), "a live lease holds the key");
        Assert.That(after, Is.Null, "an expired lease frees it");
    }

    [Test]
    public async Task IdempotencyStore_DeleteExpired_DeletesAtMostOneBatchOfExpiredKeysOnly()
    {
        var scope = "expiry-" + Guid.NewGuid().ToString("N");
        await InTransactionAsync(async provider =>
        {
            var store = provider.GetRequiredService<IIdempotencyStore>();
            for (var i = 0; i < 7; i++)
            {
                var key = $"key-{i}";
                await store.TryTakeAsync(scope, key, "f", TestData.Now, TestData.Now.AddHours(24), None);
                var keepUntil = i < 5 ? TestData.Now.AddHours(-1) : TestData.Now.AddHours(1);
                await store.SaveResponseAsync(scope, key, new StoredResponse(201, null, null, [], "r", "f"), keepUntil, None);
            }
        });

        var deleted = new List<int>();
        for (var round = 0; round < 3; round++)
        {
            await using var session = Services.CreateAsyncScope();
            deleted.Add(await session.ServiceProvider.GetRequiredService<IIdempotencyStore>().DeleteExpiredAsync(TestData.Now, 2, None));
        }

        var remaining = await KeysInScopeAsync(scope);
        Assert.That(deleted, Is.EqualTo(new[] { 2, 2, 1 }), "a batch never exceeds its size, and every expired key goes");
        Assert.That(remaining, Is.EqualTo(2), "the two live keys stay");
    }

    [Test]
    public async Task Staff_WhenAdded_IsFoundByIdAndByEmailInAnyLetterCase()
    {
        var member = NewStaff(StaffRole.Reviewer);
        await InTransactionAsync(provider => provider.GetRequiredService<IStaffRepository>().AddAsync(member, None));

        StaffMember? byId = null, byEmail = null;
        var taken = false;
        await InTransactionAsync(async provider =>
        {
            var staff = provider.GetRequiredService<IStaffRepository>();
            byId = await staff.GetForUpdateAsync(member.Id, None);
            byEmail = await staff.FindByEmailForUpdateAsync(member.Email.ToUpperInvariant(), None);
            taken = await staff.EmailTakenAsync("  " + member.Email.ToUpperInvariant(), None);
        });

        Assert.That(byId, Is.Not.Null);
        Assert.That(
            (byId!.Email, byId.Name, byId.Role, byId.Status, byId.SecurityStamp, byId.CreatedAt, byId.PasswordHash),
            Is.EqualTo((member.Email, member.Name, StaffRole.Reviewer, StaffStatus.Active, member.SecurityStamp, TestData.Now, (string?)null)));
        Assert.That(byEmail?.Id, Is.EqualTo(member.Id));
        Assert.That(taken, Is.True);
    }

    [Test]
    public async Task Staff_WhenASecondMemberHasTheSameEmailInAnotherCase_TheUniqueIndexRefusesItAsEmailTaken()
    {
        var first = NewStaff(StaffRole.Viewer);
        await InTransactionAsync(provider => provider.GetRequiredService<IStaffRepository>().AddAsync(first, None));
        var twin = StaffMember.Invite(Guid.CreateVersion7(), first.Email.ToUpperInvariant(), "Twin", StaffRole.Viewer, TestData.Now);

        await using var scope = Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await unitOfWork.BeginAsync(None);
        var error = Assert.CatchAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<IStaffRepository>().AddAsync(twin, None));

        Assert.That(error!.Code, Is.EqualTo(ErrorCodes.StaffEmailTaken));
    }

    [Test]
    public async Task Staff_WhenSaved_KeepsRoleStatusPasswordLockoutAndStamp()
    {
        var member = NewStaff(StaffRole.Viewer);
        await InTransactionAsync(provider => provider.GetRequiredService<IStaffRepository>().AddAsync(member, None));

        await InTransactionAsync(async provider =>
        {
            var staff = provider.GetRequiredService<IStaffRepository>();
            var loaded = (await staff.GetForUpdateAsync(member.Id, None))!;
            loaded.SetPassword("hashed-password", TestData.Now.AddMinutes(1));
            loaded.ChangeRole(StaffRole.Admin, TestData.Now.AddMinutes(1));
            for (var i = 0; i < StaffMember.MaxFailedSignIns; i++)
            {
                loaded.RecordFailedSignIn(TestData.Now.AddMinutes(2));
            }

            loaded.ChangeStatus(StaffStatus.Disabled, TestData.Now.AddMinutes(3));
            member = loaded;
            await staff.SaveAsync(loaded, None);
        });

        StaffMember? saved = null;
        await InTransactionAsync(async provider => saved = await provider.GetRequiredService<IStaffRepository>().GetForUpdateAsync(member.Id, None));

        Assert.That(
            (saved!.Role, saved.Status, saved.PasswordHash, saved.LockedUntil, saved.SecurityStamp, saved.UpdatedAt),
            Is.EqualTo((StaffRole.Admin, StaffStatus.Disabled, (string?)"hashed-password", member.LockedUntil, member.SecurityStamp, TestData.Now.AddMinutes(3))));
        Assert.That(saved.IsLockedOut(TestData.Now.AddMinutes(10)), Is.True);
    }

    [Test]
    public async Task Staff_CountActiveAdmins_CountsOnlyActiveAdmins()
    {
        var before = 0;
        await InTransactionAsync(async provider => before = await provider.GetRequiredService<IStaffRepository>().CountActiveAdminsForUpdateAsync(None));
        var admin = NewStaff(StaffRole.Admin);
        var disabledAdmin = NewStaff(StaffRole.Admin);
        disabledAdmin.ChangeStatus(StaffStatus.Disabled, TestData.Now);
        var reviewer = NewStaff(StaffRole.Reviewer);

        var after = 0;
        await InTransactionAsync(async provider =>
        {
            var staff = provider.GetRequiredService<IStaffRepository>();
            foreach (var member in new[] { admin, disabledAdmin, reviewer })
            {
                await staff.AddAsync(member, None);
            }

            after = await staff.CountActiveAdminsForUpdateAsync(None);
        });

        Assert.That(after - before, Is.EqualTo(1));
    }

    [Test]
    public async Task StaffApiKeys_AreFoundByHashUntilRevokedAndRecordTheirUseSparingly()
    {
        var member = NewStaff(StaffRole.Reviewer);
        var key = new StaffApiKey(Guid.CreateVersion7(), member.Id, "laptop", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0'), TestData.Now, null, null);
        StaffApiKey? found = null, foundAfterRevoke = null;
        IReadOnlyList<StaffApiKey> listed = [];
        bool revoked = false, revokedByAnother = true;
        await InTransactionAsync(async provider =>
        {
            await provider.GetRequiredService<IStaffRepository>().AddAsync(member, None);
            var credentials = provider.GetRequiredService<IStaffCredentialRepository>();
            await credentials.AddApiKeyAsync(key, None);
            await credentials.TouchApiKeyAsync(key.Id, TestData.Now.AddMinutes(1), TimeSpan.FromMinutes(5), None);
            await credentials.TouchApiKeyAsync(key.Id, TestData.Now.AddMinutes(2), TimeSpan.FromMinutes(5), None);
            found = await credentials.FindActiveApiKeyAsync(key.KeyHash, None);
            revokedByAnother = await credentials.RevokeApiKeyAsync(Guid.CreateVersion7(), key.Id, TestData.Now.AddMinutes(3), None);
            revoked = await credentials.RevokeApiKeyAsync(member.Id, key.Id, TestData.Now.AddMinutes(3), None);
            foundAfterRevoke = await credentials.FindActiveApiKeyAsync(key.KeyHash, None);
            listed = await credentials.ListApiKeysAsync(member.Id, None);
        });

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.EqualTo(key with { LastUsedAt = TestData.Now.AddMinutes(1) }), "the second use within five minutes writes nothing");
            Assert.That((revokedByAnother, revoked), Is.EqualTo((false, true)), "only the key's own member revokes it");
            Assert.That(foundAfterRevoke, Is.Null);
            Assert.That(listed.Select(k => (k.Id, k.RevokedAt)), Is.EqualTo(new[] { (key.Id, (DateTime?)TestData.Now.AddMinutes(3)) }));
        });
    }

    [Test]
    public async Task StaffSetupLinks_WorkOnceAndANewOneRetiresTheOld()
    {
        var member = NewStaff(StaffRole.Viewer);
        var first = new StaffSetupLink(Guid.CreateVersion7(), member.Id, new string('a', 48) + Guid.NewGuid().ToString("N")[..16], TestData.Now, TestData.Now + StaffSetupLink.Lifetime, null);
        var second = first with { Id = Guid.CreateVersion7(), TokenHash = new string('b', 48) + Guid.NewGuid().ToString("N")[..16], CreatedAt = TestData.Now.AddMinutes(1) };
        StaffSetupLink? oldAfterNew = null, newBeforeUse = null;
        bool firstUse = false, secondUse = true;
        await InTransactionAsync(async provider =>
        {
            await provider.GetRequiredService<IStaffRepository>().AddAsync(member, None);
            var credentials = provider.GetRequiredService<IStaffCredentialRepository>();
            await credentials.AddSetupLinkAsync(first, None);
            await credentials.AddSetupLinkAsync(second, None);
            oldAfterNew = await credentials.FindSetupLinkAsync(first.TokenHash, None);
            newBeforeUse = await credentials.FindSetupLinkAsync(second.TokenHash, None);
            firstUse = await credentials.UseSetupLinkAsync(second.Id, TestData.Now.AddMinutes(2), None);
            secondUse = await credentials.UseSetupLinkAsync(second.Id, TestData.Now.AddMinutes(3), None);
        });

        Assert.Multiple(() =>
        {
            Assert.That(oldAfterNew!.IsUsable(TestData.Now.AddMinutes(1)), Is.False, "a new link retires the old one");
            Assert.That(newBeforeUse!.IsUsable(TestData.Now.AddMinutes(1)), Is.True);
            Assert.That(newBeforeUse.IsUsable(TestData.Now + StaffSetupLink.Lifetime + TimeSpan.FromMinutes(1)), Is.False, "links expire after 72 hours");
            Assert.That((firstUse, secondUse), Is.EqualTo((true, false)), "a link works once");
        });
    }

    private static StaffMember NewStaff(string role) =>
        StaffMember.Invite(Guid.CreateVersion7(), $"Staff.{Guid.NewGuid():N}@Example.com", "Sam Support", role, TestData.Now);

    private async Task<string?> ScalarTextAsync(string sql, Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<string>(sql, new { Id = id }, None);
    }

    private async Task<long> KeysInScopeAsync(string keyScope)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM idempotency_keys WHERE scope = @Scope", new { Scope = keyScope }, None);
    }

    protected static PhoneNumber Rehydrated(PhoneNumber phone) =>
        PhoneNumber.Rehydrate(phone.Id, phone.EnvironmentId, phone.Number, phone.Profile, phone.Status, [], null, phone.CreatedAt, phone.UpdatedAt);

    protected async Task InTransactionAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await unitOfWork.BeginAsync(None);
        await work(scope.ServiceProvider);
        await unitOfWork.CommitAsync(None);
    }

    protected async Task<Guid> SeedEnvironmentAsync()
    {
        var environment = new TenantEnvironment(Guid.CreateVersion7(), "Repository tests", Plans.Standard, TestData.Now);
        await InTransactionAsync(provider => provider.GetRequiredService<IEnvironmentRepository>().AddAsync(environment, None));
        return environment.Id;
    }

    protected async Task<PhoneNumber> ProvisionAsync(PhoneNumberProfile profile)
    {
        var environmentId = await SeedEnvironmentAsync();
        var phone = PhoneNumber.Provision(Guid.CreateVersion7(), environmentId, TestData.UniqueE164(), profile, TestData.Now);
        await InTransactionAsync(provider => provider.GetRequiredService<IPhoneNumberRepository>().AddAsync(phone, None));
        return phone;
    }

    /// <summary>Opens a release request the way the command does: lock the number, ask the domain, store.</summary>
    protected async Task<ReleaseRequest> RequestReleaseAsync(PhoneNumber phone)
    {
        ReleaseRequest? request = null;
        await InTransactionAsync(async provider =>
        {
            var loaded = await provider.GetRequiredService<IPhoneNumberRepository>().GetForUpdateAsync(phone.EnvironmentId, phone.Id, None)
                ?? throw new InvalidOperationException("The number was not found.");
            request = loaded.RequestRelease(Guid.CreateVersion7(), ReleaseReason.From(TestData.Reason), TestData.Now, Actor.Customer(null));
            await provider.GetRequiredService<IReleaseRequestRepository>().AddAsync(request, None);
        });
        return request!;
    }

    private async Task<int> PendingRequestCountAsync(Guid phoneNumberId) =>
        await ScalarAsync("SELECT COUNT(*) FROM release_requests WHERE phone_number_id = @Id AND status = 'pending'", phoneNumberId);

    private async Task<int> HistoryCountAsync(Guid phoneNumberId) => await ScalarAsync(
        """
        SELECT COUNT(*) FROM release_request_history h
        INNER JOIN release_requests r ON r.id = h.release_request_id
        WHERE r.phone_number_id = @Id
        """,
        phoneNumberId);

    private async Task<int> ScalarAsync(string sql, Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<int>(sql, new { Id = id }, None);
    }

    private static PhoneNumberProfile ProfileOf(PhoneNumberReadModel model) => new(
        model.CountryCode, model.Type, model.HasVoice, model.HasSms, model.HasMms, model.HasFax, model.HasWhatsapp, model.IsSandbox,
        model.CurrentPrice, model.Currency, model.RenewalDate, model.AutoRenewal, model.MonthlyRenewalCost);
}
