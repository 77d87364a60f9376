using System.Net;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>The seed page's own story, as a customer's code would walk it.</summary>
public sealed class ReleaseStoryTests : ApiTestBase
{
    [Test]
    public async Task SeedStory_AssignFailDetachRequestRequestAgain()
    {
        var environment = await Api.CreateEnvironmentAsync();
        var number = await Api.ProvisionAsync(environment, "+15551234567");
        var agent = await Api.CreateAgentAsync(environment);
        (await Api.SetCallingAsync(environment, agent, number)).ExpectStatus(HttpStatusCode.OK);

        (await Api.RequestReleaseAsync(environment.Token, number)).ExpectError(HttpStatusCode.UnprocessableEntity, "PHONE_NUMBER_IN_USE");

        var detached = await Api.SetCallingAsync(environment, agent);
        detached.ExpectStatus(HttpStatusCode.OK);
        Assert.That(detached.Data["phone_numbers"]!.AsArray(), Is.Empty);

        var created = await Api.RequestReleaseAsync(environment.Token, number);
        created.ExpectStatus(HttpStatusCode.Created);
        Assert.That(created.Data["phone_number"]!.GetValue<string>(), Is.EqualTo("+15551234567"));

        (await Api.RequestReleaseAsync(environment.Token, number)).ExpectError(HttpStatusCode.Conflict, "RELEASE_ALREADY_PENDING");

        var phone = await Api.SendAsync(HttpMethod.Get, $"/api/v1/phone-numbers/{number}", environment.Token);
        phone.ExpectStatus(HttpStatusCode.OK);
        Assert.That(phone.Data["pending_release_request_id"]!.GetValue<string>(), Is.EqualTo(created.Data["id"]!.GetValue<string>()));
    }
}
