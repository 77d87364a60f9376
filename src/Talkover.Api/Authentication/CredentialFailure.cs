namespace Talkover.Api.Authentication;

/// <summary>The <c>credential</c> tag of <c>talkover.auth.failures</c>: what kind of credential was refused.</summary>
public static class CredentialFailure
{
    /// <summary>An Authorization header that is not <c>Bearer &lt;credential&gt;</c>, or a credential with whitespace or control characters.</summary>
    public const string Malformed = "malformed";

    /// <summary>A <c>talq_…</c> token that is unknown or revoked.</summary>
    public const string EnvironmentToken = "environment_token";

    /// <summary>A <c>tks_…</c> key that is unknown, revoked, or a disabled member's.</summary>
    public const string StaffKey = "staff_key";

    /// <summary>Neither prefix and not the bootstrap key (a wrong admin key, say).</summary>
    public const string Unknown = "unknown";

    /// <summary>A wrong email or password at the console's sign-in.</summary>
    public const string Password = "password";
}
