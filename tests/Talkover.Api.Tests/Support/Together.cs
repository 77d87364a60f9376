namespace Talkover.Api.Tests.Support;

/// <summary>Requests raced against each other, and a short account of how they ended.</summary>
internal static class Together
{
    /// <summary>Starts every call at once (after all are queued) and waits for all of them.</summary>
    public static async Task<ApiResponse[]> FireAsync(IEnumerable<Func<Task<ApiResponse>>> calls)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = calls.Select(call => Task.Run(async () =>
        {
            await start.Task;
            return await call();
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>"31 x 409 RELEASE_ALREADY_PENDING; 1 x 201 …": each status and code with how many answered it.</summary>
    public static string Describe(IEnumerable<ApiResponse> responses) =>
        string.Join("; ", responses.GroupBy(r => $"{(int)r.Status} {r.Code}").Select(g => $"{g.Count()} x {g.Key}"));
}
