using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Talkover.Application.Behaviours;

namespace Talkover.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5 has no DI package, so it is registered by hand: the service factory, the mediator,
    /// every handler in this assembly, and the behaviours in pipeline order (registration order is run order).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        AddHandlers(services, assembly);

        // Logging and validation hold only singletons (a logger, the validators): one instance each per request
        // type. The metrics and transaction behaviours hold the request's unit of work, so they are made per request.
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ReleaseMetricsBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        // Validators hold nothing but their rules (each has only a parameterless constructor, which a test
        // keeps true): one instance serves every request instead of rebuilding the rules per request.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddAutoMapper(assembly);
        services.AddSingleton(TimeProvider.System);
        // The meter factory (the host's, or one of its own for a container built elsewhere: the staff command, tests).
        services.AddMetrics();
        services.AddSingleton<Diagnostics.TalkoverMetrics>();
        services.AddScoped<Staff.SetupLinks>();
        services.AddScoped<Events.EventOutbox>();
        services.TryAddSingleton<Abstractions.IWebhookDeliveryObserver, Diagnostics.WebhookDeliveryMetrics>();
        services.AddSingleton<Webhooks.CreateWebhook.WebhookUrlVerdicts>();
        services.AddSingleton<Abstractions.IRequestCheck<Webhooks.CreateWebhook.CreateWebhookCommand>, Webhooks.CreateWebhook.CreateWebhookUrlCheck>();
        return services;
    }

    private static void AddHandlers(IServiceCollection services, Assembly assembly)
    {
        var handlerInterfaces = new[] { typeof(IRequestHandler<,>), typeof(INotificationHandler<>) };
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && handlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
            }
        }
    }
}
