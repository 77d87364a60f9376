namespace Talkover.Application.Abstractions;

/// <summary>
/// A response kept for replay: status, the headers that matter, the body as sent, the request id it
/// carried, and the fingerprint of the request it answered.
/// </summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body, string RequestId, string Fingerprint);
