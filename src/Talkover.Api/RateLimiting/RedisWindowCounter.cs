using StackExchange.Redis;
using Talkover.Application.Diagnostics;

namespace Talkover.Api.RateLimiting;

/// <summary>
/// The rate-limit windows in Redis (<c>Redis:Configuration</c>), so a limit holds across every instance of
/// the service: one script increments a window's counter and, on its first request, sets it to expire
/// shortly after the window's minute ends. Windows are the clock's minutes, the same on every instance
/// (their clocks kept by NTP) and in the instance's own fallback counter.
/// <para>
/// Redis down never stops the service: while it is unreachable each instance counts on its own (limits per
/// instance), every such request is counted in <c>talkover.rate_limit.store_failures</c>, and a warning is
/// logged at most once a minute. No request waits on a Redis that is down: commands fail at once while the
/// connection is lost (the client reconnects in the background), a call that times out (after a fraction of
/// a second) opens a circuit that keeps requests off Redis for a few seconds, and the first connection is
/// made in the background at start.
/// </para>
/// </summary>
public sealed partial class RedisWindowCounter : IAsyncDisposable
{
    /// <summary>How long requests stay off Redis after a call to it failed.</summary>
    public static readonly TimeSpan CircuitOpenFor = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);

    // A window's key outlives its minute by a little, for instances whose clocks run a little behind.
    private const long ExpiryGraceMilliseconds = 5_000;

    private const string IncrementScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return count
        """;

    private readonly Task<ConnectionMultiplexer> _connection;
    private readonly FixedWindowCounter _local;
    private readonly TimeProvider _clock;
    private readonly TalkoverMetrics _metrics;
    private readonly ILogger<RedisWindowCounter> _logger;
    private readonly string? _password;
    private long _circuitOpenUntil = long.MinValue;
    private long _nextWarning = long.MinValue;

    public RedisWindowCounter(ConfigurationOptions options, FixedWindowCounter local, TimeProvider clock, TalkoverMetrics metrics, ILogger<RedisWindowCounter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _local = local;
        _clock = clock;
        _metrics = metrics;
        _logger = logger;
        _password = string.IsNullOrEmpty(options.Password) ? null : options.Password;
        _connection = ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>
    /// Completes once the first connection attempt has ended, connected or not (at most the connect timeout):
    /// awaited at start so the first requests already count in Redis.
    /// </summary>
    public Task FirstConnectionAttempt => _connection;

    /// <summary>Whether Redis is connected now (for readiness: a Redis down is reported, not fatal).</summary>
    public bool IsConnected => _connection.IsCompletedSuccessfully && _connection.Result.IsConnected;

    /// <summary>
    /// The client settings for the service: the operator's configuration string, with short timeouts unless it
    /// names its own, never aborting on a failed connection, and failing commands at once while disconnected
    /// instead of queueing them.
    /// </summary>
    public static ConfigurationOptions ReadOptions(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(1_000);
        options.ClientName ??= "talkover";
        if (!Names(configuration, "connectTimeout"))
        {
            options.ConnectTimeout = 2_000;
        }

        if (!Names(configuration, "syncTimeout"))
        {
            options.SyncTimeout = 500;
        }

        if (!Names(configuration, "asyncTimeout"))
        {
            options.AsyncTimeout = 500;
        }

        return options;
    }

    public ValueTask<FixedWindowCounter.Decision> AcquireAsync(string key, int limit)
    {
        var now = _clock.GetUtcNow();
        var unavailable = _connection.Status switch
        {
            TaskStatus.RanToCompletion when now.UtcTicks < Interlocked.Read(ref _circuitOpenUntil) => "a call failed moments ago",
            TaskStatus.RanToCompletion when !_connection.Result.IsConnected => "not connected",
            TaskStatus.RanToCompletion => null,
            TaskStatus.Faulted => Reason(_connection.Exception!.GetBaseException()),
            _ => "still connecting",
        };

        return unavailable is null
            ? AcquireFromRedisAsync(_connection.Result, key, limit, now)
            : ValueTask.FromResult(Fallback(key, limit, unavailable));
    }

    private async ValueTask<FixedWindowCounter.Decision> AcquireFromRedisAsync(ConnectionMultiplexer connection, string key, int limit, DateTimeOffset now)
    {
        var (minute, resetSeconds) = FixedWindowCounter.WindowAt(now);
        long count;
        try
        {
            var result = await connection.GetDatabase().ScriptEvaluateAsync(
                IncrementScript,
                [(RedisKey)$"talkover:rate:{key}:{minute}"],
                [(resetSeconds * 1000L) + ExpiryGraceMilliseconds]);
            count = (long)result;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException or InvalidCastException)
        {
            Interlocked.Exchange(ref _circuitOpenUntil, (now + CircuitOpenFor).UtcTicks);
            return Fallback(key, limit, Reason(ex));
        }

        return count <= limit
            ? new FixedWindowCounter.Decision(true, limit, (int)(limit - count), resetSeconds)
            : new FixedWindowCounter.Decision(false, limit, 0, resetSeconds);
    }

    private FixedWindowCounter.Decision Fallback(string key, int limit, string reason)
    {
        _metrics.RateLimitStoreFailures.Add(1);
        var now = _clock.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextWarning);
        if (now >= next && Interlocked.CompareExchange(ref _nextWarning, now + WarnEvery.Ticks, next) == next)
        {
            LogUnreachable(_logger, reason);
        }

        return _local.Acquire(key, limit);
    }

    /// <summary>What went wrong, on one line, without the configured password should the client ever echo it.</summary>
    private string Reason(Exception ex)
    {
        var message = $"{ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" ");
        return _password is null ? message : message.Replace(_password, "***", StringComparison.Ordinal);
    }

    private static bool Names(string configuration, string option) =>
        configuration.Contains(option + "=", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate-limit counters in Redis are unreachable ({Reason}); each instance enforces the limits on its own until Redis answers again.")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsCompletedSuccessfully)
        {
            await _connection.Result.DisposeAsync();
        }
    }
}
