namespace Talkover.Api.Tests.Support;

/// <summary>
/// Mounts a test lays over its own temp folders (a small tmpfs, a read-only bind) through the
/// <c>mount</c> and <c>umount</c> commands, and takes them all down again on dispose. Where mounting
/// is not allowed (not root, no mount command, a container without the capability) the test is
/// ignored with the reason; under CI (<c>CI=true</c>) it fails instead, so a fault test never goes
/// quietly missing from the pipeline.
/// </summary>
public sealed class Mounts : IAsyncDisposable
{
    private static readonly TimeSpan CommandPatience = TimeSpan.FromSeconds(20);

    private readonly List<string> _mounted = [];

    /// <summary>A tmpfs of <paramref name="sizeMiB"/> MiB at <paramref name="folder"/>.</summary>
    public async Task MountTmpfsAsync(string folder, int sizeMiB)
    {
        await RequireAsync("mount", "-t", "tmpfs", "-o", $"size={sizeMiB}m,mode=0700", "tmpfs", folder);
        _mounted.Add(folder);
    }

    /// <summary>
    /// Lays <paramref name="folder"/> over itself, read-only. Files already open keep writing to what lies
    /// beneath; everything opened through the path from now on can only read.
    /// </summary>
    public async Task BindReadOnlyAsync(string folder)
    {
        await RequireAsync("mount", "--bind", folder, folder);
        _mounted.Add(folder);
        var (exitCode, output) = await RunAsync("mount", "-o", "remount,ro,bind", folder, folder);
        if (exitCode != 0)
        {
            Unavailable($"mount -o remount,ro,bind failed ({exitCode}): {output}");
        }
    }

    /// <summary>
    /// Takes down the latest mount at <paramref name="folder"/>. When a process still holds a file there it is
    /// detached instead (<c>umount -l</c>): the path leads to what lies beneath at once, while those files stay
    /// open on the mount. Returns false in that case.
    /// </summary>
    public async Task<bool> UnmountAsync(string folder)
    {
        var clean = (await RunAsync("umount", folder)).ExitCode == 0;
        if (!clean)
        {
            var (exitCode, output) = await RunAsync("umount", "-l", folder);
            Assert.That(exitCode, Is.Zero, $"umount -l {folder}: {output}");
        }

        _mounted.RemoveAt(_mounted.LastIndexOf(folder));
        return clean;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _mounted.Count - 1; i >= 0; i--)
        {
            var folder = _mounted[i];
            // A process that still holds a file there (a failed test's service) must not keep the mount up.
            if ((await RunAsync("umount", folder)).ExitCode != 0)
            {
                await RunAsync("umount", "-l", folder);
            }
        }

        _mounted.Clear();
    }

    private static async Task RequireAsync(params string[] command)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Unavailable("mounting needs Linux and root");
        }

        var (exitCode, output) = await RunAsync(command);
        if (exitCode != 0)
        {
            Unavailable($"{string.Join(' ', command)} failed ({exitCode}): {output}");
        }
    }

    private static void Unavailable(string reason)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"This test injects its fault with a mount and CI must be able to mount: {reason}");
        }

        Assert.Ignore($"This test injects its fault with a mount, which is not allowed here: {reason}");
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] command) =>
        ExternalCommand.RunAsync(Path.GetTempPath(), CommandPatience, null, command[0], command[1..]);
}
