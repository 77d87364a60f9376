namespace Talkover.Api.Idempotency;

/// <summary>
/// Endpoint metadata for work a keyed request does before its transaction opens: lookups in the outside world
/// (a DNS query, say) that must not hold the database's write lock while they wait. The check inside the
/// pipeline then takes what the precheck found. Requests without a key run their checks before any transaction
/// anyway, and skip this.
/// </summary>
public interface IKeyedRequestPrecheck
{
    /// <summary>Runs on a keyed request whose body (<paramref name="body"/>, read already) is well-formed JSON.</summary>
    Task RunAsync(HttpContext context, byte[] body);
}
