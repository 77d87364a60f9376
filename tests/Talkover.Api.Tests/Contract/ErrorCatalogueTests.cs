using System.Reflection;
using Talkover.Api.Tests.Support;
using Talkover.Domain.Common;

namespace Talkover.Api.Tests.Contract;

/// <summary>Every error code the service can answer with is one a client can look up: in the OpenAPI document and in the README.</summary>
public sealed class ErrorCatalogueTests : ApiTestBase
{
    private static IEnumerable<string> Codes() =>
        typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!);

    [Test]
    public async Task EveryErrorCode_AppearsInTheOpenApiDocument()
    {
        var document = (await Api.SendAsync(HttpMethod.Get, "/openapi/v1.json")).Body;

        Assert.That(Codes().Where(code => !document.Contains(code, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void EveryErrorCode_AppearsInTheReadme()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "README.md")))
        {
            folder = folder.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(folder!.FullName, "README.md"));

        Assert.That(Codes().Where(code => !readme.Contains(code, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void DomainErrors_UseTheCatalogue()
    {
        var domainCodes = typeof(DomainErrors).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(method => ((DomainException)method.Invoke(null, method.GetParameters().Select(p => (object?)"x").ToArray())!).Code);

        Assert.That(domainCodes, Is.SubsetOf(Codes()));
    }
}
