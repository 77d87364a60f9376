namespace Talkover.Application.Abstractions;

/// <summary>
/// Decides whether the service may send to a URL: its scheme, and every address its host is or resolves
/// to (no loopback, private, link-local, CGNAT or unspecified address, unless configured otherwise).
/// </summary>
public interface IWebhookUrlGuard
{
    /// <summary>What is wrong with the URL as a webhook target, or null when it may be used.</summary>
    Task<string?> ProblemAsync(Uri url, CancellationToken cancellationToken);
}
