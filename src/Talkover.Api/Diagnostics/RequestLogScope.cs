using System.Collections;

namespace Talkover.Api.Diagnostics;

/// <summary>
/// The scope of every log line written while a request runs: its request id (the <c>X-Request-Id</c> the
/// client sees) and its W3C trace id. Both are safe to write as they are (the request id is checked by
/// <see cref="Http.RequestIdMiddleware"/>, the trace id is hex).
/// </summary>
public sealed class RequestLogScope(string requestId, string traceId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("RequestId", requestId),
        1 => new("TraceId", traceId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"RequestId:{requestId} TraceId:{traceId}";
}
