namespace Talkover.Api.Idempotency;

/// <summary>
/// The action's response carries a freshly issued secret: kept under an Idempotency-Key, it is sealed with the
/// caller's credential whatever its kind, so only a replay with that same credential can read it back.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SealedResponseAttribute : Attribute;
