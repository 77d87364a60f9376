namespace Talkover.Application.Abstractions;

/// <summary>
/// The lookups of presented credentials (tokens, staff keys) this instance remembers for a moment, so
/// that a busy client does not cost a query per request. Every instance forgets them within a second;
/// a command that revokes a credential, or disables a member or changes their role, forgets them here at once.
/// </summary>
public interface ICredentialCache
{
    void Forget();
}
