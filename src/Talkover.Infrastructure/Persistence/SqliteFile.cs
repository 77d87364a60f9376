using Microsoft.Data.Sqlite;

namespace Talkover.Infrastructure.Persistence;

/// <summary>
/// A new SQLite database is created readable by the service's user only: its folder 0700 and the file 0600
/// on Unix (the -wal and -shm files SQLite makes beside it take the file's mode). The rows hold phone
/// numbers, customers' reasons and credential hashes; no other local user needs them. An existing file or
/// folder keeps the mode it has.
/// </summary>
internal static class SqliteFile
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var path = Path.GetFullPath(builder.DataSource);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }
        }

        if (builder.Mode != SqliteOpenMode.ReadWriteCreate || File.Exists(path) || OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            // An empty file is a new database to SQLite; creating it here is what sets its mode.
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it at the same moment, with the same mode.
        }
    }
}
