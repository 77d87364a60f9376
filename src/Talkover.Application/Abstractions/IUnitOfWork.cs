namespace Talkover.Application.Abstractions;

/// <summary>
/// One database transaction per command; repositories in the same scope share it. Begun while one is
/// already open (a keyed request's transaction around its command), it is a savepoint: its rollback
/// undoes only the writes made since it began, and its commit leaves the outer transaction to commit.
/// </summary>
public interface IUnitOfWork
{
    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> once what has been written so far is committed: at once when no
    /// transaction is open, after the outermost commit otherwise; never if it is rolled back.
    /// </summary>
    void OnCommitted(Action action);
}
