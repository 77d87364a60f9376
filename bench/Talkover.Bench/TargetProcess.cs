using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Talkover.Bench;

/// <summary>
/// One target (the service or the baseline) running in a child process over its own copy of the seeded
/// database, with HTTP clients holding the reads and the writes environment's tokens.
/// </summary>
internal sealed class TargetProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly SocketsHttpHandler _handler;
    private readonly IReadOnlyList<string> _writeNumberIds;
    private int _nextWrite = -1;

    private TargetProcess(string name, Process process, Uri address, Seed seed)
    {
        Name = name;
        _process = process;
        _writeNumberIds = seed.WriteNumberIds;
        _handler = new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = int.MaxValue };
        Plain = new HttpClient(_handler, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Reads = Client(address, seed.ReadsToken);
        Writes = Client(address, seed.WritesToken);
    }

    public string Name { get; }

    /// <summary>Holds the reads environment's token.</summary>
    public HttpClient Reads { get; }

    /// <summary>Holds the writes environment's token.</summary>
    public HttpClient Writes { get; }

    private HttpClient Plain { get; }

    /// <summary>The id of a number of the writes environment never asked for before in this target's database; null when all have been.</summary>
    public string? NextWriteNumber()
    {
        var i = Interlocked.Increment(ref _nextWrite);
        return i < _writeNumberIds.Count ? _writeNumberIds[i] : null;
    }

    public static async Task<TargetProcess> StartAsync(string name, string dbPath, Seed seed)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };

        // Started as `dotnet Talkover.Bench.dll` rather than through its apphost: the child needs the dll too.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(TargetProcess).Assembly.Location);
        }

        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(dbPath);

        // The service is a Microsoft.NET.Sdk.Web project, which runs with server GC; so do both targets here.
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: could not start a process.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    listening.TrySetResult(new Uri(line["listening ".Length..]));
                }
                else
                {
                    Console.WriteLine($"[{name}] {line}");
                }
            }

            listening.TrySetException(new InvalidOperationException($"{name} stopped before it listened (exit code {(process.HasExited ? process.ExitCode : -1)})."));
        });

        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return new TargetProcess(name, process, address, seed);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public async Task<Stats> StatsAsync()
    {
        using var stream = await Plain.GetStreamAsync(Serve.StatsPath);
        using var json = await JsonDocument.ParseAsync(stream);
        var root = json.RootElement;
        return new Stats(
            root.GetProperty("allocated_bytes").GetInt64(),
            root.GetProperty("cpu_ms").GetDouble(),
            root.GetProperty("rss_bytes").GetInt64(),
            root.GetProperty("peak_rss_bytes").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        Reads.Dispose();
        Writes.Dispose();
        Plain.Dispose();
        _handler.Dispose();
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException)
        {
            Stop(_process);
        }

        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>A target process's counters at one moment.</summary>
internal sealed record Stats(long AllocatedBytes, double CpuMs, long RssBytes, long PeakRssBytes);
