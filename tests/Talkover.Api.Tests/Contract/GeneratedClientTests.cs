using System.Net;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests.Contract;

/// <summary>
/// A REST client developer's view of the contract: a C# client generated from /openapi/v1.json by NSwag
/// (the repository's pinned local tool) compiles, and walks the seed's story against the running service.
/// </summary>
[NonParallelizable]
public sealed class GeneratedClientTests : ApiTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private static readonly Dictionary<string, string> DotnetQuietly = new() { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };

    [Test]
    public async Task GeneratedClient_CompilesAndWalksTheSeedStory()
    {
        var folder = Directory.CreateTempSubdirectory("talkover-client-");
        try
        {
            var document = await Api.SendAsync(HttpMethod.Get, "/openapi/v1.json");
            document.ExpectStatus(HttpStatusCode.OK);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "openapi.json"), document.Body);

            var generate = await RunAsync(RepositoryFolder.Root, "dotnet", "tool", "run", "nswag", "openapi2csclient",
                $"/input:{Path.Combine(folder.FullName, "openapi.json")}", $"/output:{Path.Combine(folder.FullName, "Client.cs")}",
                "/namespace:Talkover.Client", "/className:TalkoverClient", "/jsonLibrary:NewtonsoftJson", "/generateClientInterfaces:false");
            Assert.That(generate.ExitCode, Is.Zero, "NSwag could not generate the client (is the tool restored? `dotnet tool restore`):\n" + generate.Output);

            File.Copy(Path.Combine(TestContext.CurrentContext.TestDirectory, "Contract", "ClientStory.cs.txt"), Path.Combine(folder.FullName, "Program.cs"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "ClientStory.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>disable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <!-- NSwag's System.Text.Json output sends enum member names, not their values; Newtonsoft honours the values. -->
                    <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
                  </ItemGroup>
                </Project>
                """);

            var story = await RunAsync(folder.FullName, "dotnet", "run", "--", Api.Http.BaseAddress!.ToString().TrimEnd('/'), TalkoverApiFactory.AdminKey, ApiClient.NewNumber());

            Assert.That(story.ExitCode, Is.Zero, story.Output);
            Assert.That(story.Output, Does.Contain("health: healthy")
                .And.Contain("defaults: en-US inbound, no price")
                .And.Contain("in use: 422 PHONE_NUMBER_IN_USE")
                .And.Contain("requested: 201 pending")
                .And.Contain("again: 409 RELEASE_ALREADY_PENDING")
                .And.Contain("approved: 200 approved")
                .And.Contain("environment: listed True, queue names it True, 1 token, 0 active, 0 pending"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }


    private static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string command, params string[] arguments) =>
        ExternalCommand.RunAsync(workingDirectory, Patience, DotnetQuietly, command, arguments);

}
