using Talkover.Application.Abstractions;

namespace Talkover.Api.ReviewConsole;

/// <summary>
/// Console links on <c>Console__PublicUrl</c> when it is set (the address people reach the service at,
/// behind a proxy); otherwise on the address the request came to, or on the first configured URL when
/// there is no request (the <c>staff add</c> command).
/// </summary>
public sealed class ConsoleLinks(IHttpContextAccessor accessor, IConfiguration configuration) : IConsoleLinks
{
    public static readonly string SetupPath = ConsolePaths.Root + "/setup";

    public string SetupUrl(string token) => $"{BaseUrl()}{SetupPath}?token={Uri.EscapeDataString(token)}";

    private string BaseUrl()
    {
        if (configuration["Console:PublicUrl"] is { Length: > 0 } publicUrl)
        {
            return publicUrl.TrimEnd('/');
        }

        if (accessor.HttpContext?.Request is { } request)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        var urls = configuration["urls"];
        var first = string.IsNullOrWhiteSpace(urls) ? "http://127.0.0.1:5080" : urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
