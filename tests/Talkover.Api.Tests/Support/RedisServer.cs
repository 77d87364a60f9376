using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Talkover.Api.Tests.Support;

/// <summary>
/// A throwaway <c>redis-server</c> on a free loopback port, keeping nothing on disk, for the tests of shared
/// rate limits. Where redis-server is not installed the test is ignored and says how to install it; under CI
/// (<c>CI=true</c>) it fails instead, so the shared-limit tests never go quietly missing from the pipeline.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string the service is given (<c>Redis__Configuration</c>).</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        if (Which("redis-server") is null)
        {
            const string Missing = "redis-server is not on PATH. Install it: apt-get install -y redis-server";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("CI runs the shared rate-limit tests, but " + Missing);
            }

            Assert.Ignore(Missing);
        }

        var server = new RedisServer(ServiceProcess.FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts it (again, after <see cref="KillAsync"/>) on the same port, empty, and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new AssertionException($"redis-server did not start on port {Port}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Ends it at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);

    public ValueTask DisposeAsync() => new(KillAsync());
}
