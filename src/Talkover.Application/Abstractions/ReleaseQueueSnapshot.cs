namespace Talkover.Application.Abstractions;

/// <summary>How many release requests wait for a review, and how long the oldest of them has waited (0 when none does).</summary>
public readonly record struct ReleaseQueueSnapshot(long Pending, double OldestPendingAgeSeconds);
