using System.Net.Sockets;
using System.Text;

namespace Talkover.Api.Tests.Support;

/// <summary>One HTTP/1.1 request written byte for byte (what HttpClient would refuse or normalise), and its status line.</summary>
public static class RawHttp
{
    public static async Task<int> SendAsync(Uri server, string method, string target, params (string Name, string Value)[] headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Host}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.Append("\r\n").ToString()));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync() ?? throw new AssertionException("The service closed the connection without an answer.");
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
