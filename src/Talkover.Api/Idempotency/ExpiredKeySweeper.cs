using Talkover.Application.Abstractions;

namespace Talkover.Api.Idempotency;

/// <summary>
/// Deletes idempotency keys older than their 24 hours, a bounded batch at a time with a pause between
/// batches, so a large backlog never holds the write lock for long and requests keep their turn.
/// </summary>
public sealed class ExpiredKeySweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpiredKeySweeper> logger) : BackgroundService
{
    public const int BatchSize = 500;
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PauseBetweenBatches = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A background chore must never take the service down with it; the next sweep tries again.
                logger.LogWarning(ex, "Expired idempotency keys were not deleted; trying again in {Minutes} minutes", Interval.TotalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every key expired by now, <see cref="BatchSize"/> per statement; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IIdempotencyStore>();
            deleted = await store.DeleteExpiredAsync(clock.GetUtcNow().UtcDateTime, BatchSize, cancellationToken);
            total += deleted;
            if (deleted == BatchSize)
            {
                await Task.Delay(PauseBetweenBatches, clock, cancellationToken);
            }
        }
        while (deleted == BatchSize);

        return total;
    }
}
