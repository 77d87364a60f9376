using FluentValidation;
using Talkover.Application.Validation;

namespace Talkover.Application;

/// <summary>
/// The process-wide settings this layer needs from its libraries, made by one explicit call at start-up
/// (Program, and any test host that builds its own container), never as a side effect of registering services.
/// </summary>
public static class ProcessSetup
{
    /// <summary>Validation errors name fields as clients send them (<c>phone_number_id</c>). Safe to call more than once.</summary>
    public static void Configure()
    {
        ValidatorOptions.Global.PropertyNameResolver = SnakeCaseNames.Resolve;
        ValidatorOptions.Global.DisplayNameResolver = SnakeCaseNames.Resolve;
    }
}
