using System.Diagnostics;

namespace Talkover.Api.Tests.Support;

/// <summary>A command-line tool a test runs (mount, NSwag, dotnet, Redocly): its exit code and everything it printed.</summary>
public static class ExternalCommand
{
    /// <summary>
    /// Runs <paramref name="command"/> in <paramref name="workingDirectory"/> and waits up to <paramref name="patience"/>;
    /// past it the command and its children are killed and the wait throws. A command that cannot start at all
    /// answers exit code -1 with the reason as its output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory, TimeSpan patience, IReadOnlyDictionary<string, string>? environment, string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(patience);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{command} did not finish within {patience}.");
            }

            return (process.ExitCode, (await stdout + await stderr).Trim());
        }
    }
}
