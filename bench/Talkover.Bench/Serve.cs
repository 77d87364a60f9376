using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Talkover.Baseline;

namespace Talkover.Bench;

/// <summary>
/// A target in a process of its own (<c>Talkover.Bench serve service|baseline DB</c>), so what it allocates
/// and how much memory it holds are its own, not the load generator's. It prints <c>listening URL</c> once it
/// answers, and stops when its standard input closes. Both targets run in this same executable, so they
/// share the runtime and its settings (the parent sets server GC, as Microsoft.NET.Sdk.Web gives the service).
/// </summary>
internal static class Serve
{
    public const string StatsPath = "/__bench/stats";

    public static async Task<int> RunAsync(string target, string dbPath)
    {
        string address;
        IAsyncDisposable host;
        switch (target)
        {
            case "service":
                BenchFactory.UseCheckoutContentRoot();
                var factory = new BenchFactory(dbPath, services => services.AddSingleton<IStartupFilter, StatsRoute>());
                factory.StartServer();
                address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                host = factory;
                break;
            case "baseline":
                var app = BaselineApp.Create(
                    [$"--ConnectionStrings:Talkover=Data Source={dbPath}", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
                    builder => builder.Services.AddSingleton<IStartupFilter, StatsRoute>());
                await app.StartAsync();
                address = app.Urls.First();
                host = app;
                break;
            default:
                await Console.Error.WriteLineAsync($"serve: unknown target '{target}' (service or baseline)");
                return 2;
        }

        Console.WriteLine($"listening {address}");
        await Console.In.ReadToEndAsync();
        await host.DisposeAsync();
        return 0;
    }

    /// <summary>
    /// <c>GET /__bench/stats</c>, ahead of the target's own middleware: bytes allocated so far, CPU time,
    /// resident and peak resident memory of this process.
    /// </summary>
    private sealed class StatsRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                if (context.Request.Path != StatsPath)
                {
                    await rest(context);
                    return;
                }

                var (rss, peak) = Memory();
                using var self = Process.GetCurrentProcess();
                context.Response.ContentType = "application/json";
                await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
                json.WriteStartObject();
                json.WriteNumber("allocated_bytes", GC.GetTotalAllocatedBytes(precise: true));
                json.WriteNumber("cpu_ms", self.TotalProcessorTime.TotalMilliseconds);
                json.WriteNumber("rss_bytes", rss);
                json.WriteNumber("peak_rss_bytes", peak);
                json.WriteEndObject();
                await json.FlushAsync();
            });
            next(app);
        };

        // VmRSS and VmHWM (the high-water mark) of /proc/self/status on Linux; the Process figures elsewhere.
        private static (long Rss, long Peak) Memory()
        {
            if (File.Exists("/proc/self/status"))
            {
                long rss = 0, peak = 0;
                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    {
                        rss = Kilobytes(line) * 1024;
                    }
                    else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        peak = Kilobytes(line) * 1024;
                    }
                }

                return (rss, peak);
            }

            using var process = Process.GetCurrentProcess();
            return (process.WorkingSet64, process.PeakWorkingSet64);
        }

        private static long Kilobytes(string line) =>
            long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
    }
}
