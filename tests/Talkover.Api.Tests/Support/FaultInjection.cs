using Microsoft.Extensions.DependencyInjection;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Tests.Support;

/// <summary>Where a test makes a keyed write fail. Each hook runs at its step when set; a hook that throws is the fault.</summary>
internal sealed class FaultPlan
{
    /// <summary>The command's own transaction begins (inside the keyed request's).</summary>
    public Func<Task>? OnCommandBegin { get; set; }

    /// <summary>The response is about to be kept under the key.</summary>
    public Func<Task>? BeforeSaveResponse { get; set; }

    /// <summary>The keyed request's transaction is about to commit.</summary>
    public Func<Task>? BeforeCommit { get; set; }

    /// <summary>The keyed request's transaction has committed; the response has not left yet.</summary>
    public Func<Task>? AfterCommit { get; set; }

    public void Clear()
    {
        OnCommandBegin = null;
        BeforeSaveResponse = null;
        BeforeCommit = null;
        AfterCommit = null;
    }
}

/// <summary>The real unit of work, with the plan's hooks at the outermost transaction's commit and the command's begin.</summary>
internal sealed class FaultyUnitOfWork(IUnitOfWork inner, FaultPlan plan) : IUnitOfWork
{
    private int _depth;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        await inner.BeginAsync(cancellationToken);
        _depth++;
        if (_depth == 2 && plan.OnCommandBegin is { } hook)
        {
            await hook();
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_depth == 1 && plan.BeforeCommit is { } before)
        {
            await before();
        }

        await inner.CommitAsync(cancellationToken);
        _depth--;
        if (_depth == 0 && plan.AfterCommit is { } after)
        {
            await after();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        await inner.RollbackAsync(cancellationToken);
        _depth = Math.Max(0, _depth - 1);
    }

    public void OnCommitted(Action action) => inner.OnCommitted(action);
}

internal sealed class FaultyIdempotencyStore(IIdempotencyStore inner, FaultPlan plan) : IIdempotencyStore
{
    public Task<IdempotencyRecord?> FindAsync(string scope, string key, DateTime now, CancellationToken cancellationToken) =>
        inner.FindAsync(scope, key, now, cancellationToken);

    public Task<bool> TryTakeAsync(string scope, string key, string fingerprint, DateTime now, DateTime keepUntil, CancellationToken cancellationToken) =>
        inner.TryTakeAsync(scope, key, fingerprint, now, keepUntil, cancellationToken);

    public async Task SaveResponseAsync(string scope, string key, StoredResponse response, DateTime keepUntil, CancellationToken cancellationToken)
    {
        if (plan.BeforeSaveResponse is { } hook)
        {
            await hook();
        }

        await inner.SaveResponseAsync(scope, key, response, keepUntil, cancellationToken);
    }

    public Task<int> DeleteExpiredAsync(DateTime now, int batchSize, CancellationToken cancellationToken) =>
        inner.DeleteExpiredAsync(now, batchSize, cancellationToken);
}

internal static class ServiceDecoration
{
    /// <summary>Replaces the last registration of <typeparamref name="T"/> with <paramref name="decorate"/> wrapped around it, same lifetime.</summary>
    public static IServiceCollection Decorate<T>(this IServiceCollection services, Func<T, IServiceProvider, T> decorate)
        where T : class
    {
        var original = services.Last(descriptor => descriptor.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(T), provider => decorate((T)Create(original, provider), provider), original.Lifetime));
        return services;
    }

    private static object Create(ServiceDescriptor descriptor, IServiceProvider provider) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
}
