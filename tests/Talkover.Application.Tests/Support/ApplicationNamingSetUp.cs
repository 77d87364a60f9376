namespace Talkover.Application.Tests;

/// <summary>
/// ProcessSetup configures FluentValidation's global naming (snake_case field names, as clients send them).
/// Running it once before any test means validator tests see the same names the API reports.
/// </summary>
[SetUpFixture]
public sealed class ApplicationNamingSetUp
{
    [OneTimeSetUp]
    public void ConfigureValidationNaming() => ProcessSetup.Configure();
}
