using Microsoft.Data.SqlClient;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>Checks, without a server, that this process can use Microsoft.Data.SqlClient at all.</summary>
[TestFixture]
public sealed class SqlServerClientTests
{
    [Test]
    public void Open_WhenServerIsUnreachable_FailsWithANetworkErrorNotAGlobalizationError()
    {
        // Port 1 on loopback is closed: the client must get as far as the network. In invariant-globalization
        // mode SqlClient throws NotSupportedException before that, and the SqlServer provider cannot work at all.
        using var connection = new SqlConnection("Server=tcp:127.0.0.1,1;User ID=sa;Password=unused;Connect Timeout=2;Encrypt=False");

        Assert.That(connection.Open, Throws.TypeOf<SqlException>());
    }
}
