namespace Talkover.Application.Abstractions;

/// <summary>
/// The review queue's size and age for the metrics gauges, read from the counters kept with the rows
/// (never a count of the table); the answer may be a second old.
/// </summary>
public interface IReleaseQueueStatistics
{
    ReleaseQueueSnapshot Read();
}
