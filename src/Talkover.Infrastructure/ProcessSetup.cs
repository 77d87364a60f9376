using Talkover.Infrastructure.Persistence;

namespace Talkover.Infrastructure;

/// <summary>
/// The process-wide settings of every layer below the API, made by one explicit call at start-up
/// (Program, and any test host that builds its own container), never as a side effect of registering services.
/// </summary>
public static class ProcessSetup
{
    /// <summary>The Application layer's settings, then Dapper's type handlers and column mapping. Safe to call more than once.</summary>
    public static void Configure()
    {
        Application.ProcessSetup.Configure();
        DapperTypeHandlers.Register();
    }
}
