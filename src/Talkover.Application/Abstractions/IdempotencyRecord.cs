namespace Talkover.Application.Abstractions;

/// <summary>A key already taken: by a request that answered (<see cref="Response"/>), or one still running.</summary>
public sealed record IdempotencyRecord(string Fingerprint, StoredResponse? Response);
