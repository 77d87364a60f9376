namespace Talkover.Api.Authentication;

/// <summary>What kind of credential authenticated the request.</summary>
public static class CredentialKinds
{
    public const string ClaimType = "talkover:kind";

    /// <summary>An environment token (<c>talq_…</c>): a customer.</summary>
    public const string Environment = "environment";

    /// <summary>A staff member: their API key (<c>tks_…</c>) or their console session.</summary>
    public const string Staff = "staff";

    /// <summary>The bootstrap admin key: role admin, recorded as actor system.</summary>
    public const string System = "system";
}
