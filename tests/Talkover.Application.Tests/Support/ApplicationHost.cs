using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Tests.Support;

/// <summary>
/// The Application layer as the API wires it (ProcessSetup, AddLogging + AddApplication), with every port a strict mock
/// and a fixed clock; the container validates scopes and every registration when it is built.
/// </summary>
internal sealed class ApplicationHost : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    public ApplicationHost()
    {
        ProcessSetup.Configure();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Logs))
            .AddApplication();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(UnitOfWork.Object);
        services.AddSingleton(PhoneNumbers.Object);
        services.AddSingleton(ReleaseRequests.Object);
        services.AddSingleton(PhoneNumberQueries.Object);
        services.AddSingleton(new Mock<IAgentRepository>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IAgentQueries>(MockBehavior.Strict).Object);
        services.AddSingleton(ReleaseRequestQueries.Object);
        services.AddSingleton(new Mock<IEnvironmentRepository>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IEnvironmentQueries>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IAccessTokenService>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IStaffRepository>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IStaffCredentialRepository>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IStaffQueries>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IStaffPasswordHasher>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IConsoleLinks>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<ICredentialCache>().Object);
        services.AddSingleton(Outbox.Object);
        services.AddSingleton(new Mock<IWebhookEventSerializer>().Object);
        services.AddSingleton(new Mock<IWebhookDispatchSignal>().Object);
        services.AddSingleton(new Mock<IWebhookRepository>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IWebhookQueries>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IWebhookSecrets>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IWebhookUrlGuard>(MockBehavior.Strict).Object);

        // What runs after a commit runs at once here: the mocked unit of work commits whatever it is asked to.
        UnitOfWork.Setup(u => u.OnCommitted(It.IsAny<Action>())).Callback<Action>(action => action());

        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateScope();
    }

    public FixedTimeProvider Clock { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public Mock<IUnitOfWork> UnitOfWork { get; } = new(MockBehavior.Strict);

    public Mock<IPhoneNumberRepository> PhoneNumbers { get; } = new(MockBehavior.Strict);

    public Mock<IReleaseRequestRepository> ReleaseRequests { get; } = new(MockBehavior.Strict);

    public Mock<IPhoneNumberQueries> PhoneNumberQueries { get; } = new(MockBehavior.Strict);

    public Mock<IOutbox> Outbox { get; } = new(MockBehavior.Strict);

    public Mock<IReleaseRequestQueries> ReleaseRequestQueries { get; } = new(MockBehavior.Strict);

    public IMediator Mediator => _scope.ServiceProvider.GetRequiredService<IMediator>();

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
    }
}
