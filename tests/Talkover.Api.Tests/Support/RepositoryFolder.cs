namespace Talkover.Api.Tests.Support;

/// <summary>The repository's root folder (the one holding Talkover.sln), found upwards from where the tests run.</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Talkover.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Talkover.sln not found above the test folder.");
    }
}
