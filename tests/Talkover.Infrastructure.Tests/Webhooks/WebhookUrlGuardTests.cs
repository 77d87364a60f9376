using System.Net;
using Talkover.Infrastructure.Webhooks;

namespace Talkover.Infrastructure.Tests.Webhooks;

[TestFixture]
public sealed class WebhookUrlGuardTests
{
    private static readonly WebhookUrlGuard Guard = new(new WebhookOptions());

    [TestCase("127.0.0.1", "loopback")]
    [TestCase("127.255.0.9", "loopback")]
    [TestCase("::1", "loopback")]
    [TestCase("10.1.2.3", "private")]
    [TestCase("172.16.0.1", "private")]
    [TestCase("172.31.255.255", "private")]
    [TestCase("192.168.1.1", "private")]
    [TestCase("fc00::1", "private")]
    [TestCase("fd12:3456::1", "private")]
    [TestCase("169.254.169.254", "link-local")]
    [TestCase("fe80::1", "link-local")]
    [TestCase("100.64.0.1", "CGNAT")]
    [TestCase("100.127.255.254", "CGNAT")]
    [TestCase("0.0.0.0", "unspecified")]
    [TestCase("::", "unspecified")]
    [TestCase("::ffff:127.0.0.1", "loopback")]
    [TestCase("::ffff:10.0.0.1", "private")]
    [TestCase("::ffff:169.254.1.1", "link-local")]
    [TestCase("::127.0.0.1", "loopback")]
    [TestCase("64:ff9b::a00:1", "private")]
    [TestCase("224.0.0.1", "multicast or reserved")]
    [TestCase("198.18.0.1", "reserved")]
    [TestCase("192.0.0.8", "reserved")]
    [TestCase("2002:7f00:1::", "loopback")]
    [TestCase("2002:a00:1::", "private")]
    [TestCase("::ffff:0:7f00:1", "loopback")]
    [TestCase("2001:0:4136:e378:8000:63bf:80ff:fffe", "a tunnel or translation to an address that cannot be checked")]
    [TestCase("64:ff9b:1::a00:1", "a tunnel or translation to an address that cannot be checked")]
    public void Restriction_OfANonPublicAddress_NamesItsClass(string address, string expected) =>
        Assert.That(NetworkAddresses.Restriction(IPAddress.Parse(address)), Is.EqualTo(expected));

    [TestCase("93.184.215.14")]
    [TestCase("172.32.0.1")]
    [TestCase("100.128.0.1")]
    [TestCase("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    [TestCase("::ffff:93.184.215.14")]
    [TestCase("2002:5db8:d70e::1")]
    public void Restriction_OfAPublicAddress_IsNone(string address) =>
        Assert.That(NetworkAddresses.Restriction(IPAddress.Parse(address)), Is.Null);

    [TestCase("https://127.0.0.1/hooks")]
    [TestCase("https://0x7f.1/hooks")]
    [TestCase("https://2130706433/hooks")]
    [TestCase("https://017700000001/hooks")]
    [TestCase("https://127.1/hooks")]
    [TestCase("https://[::ffff:127.0.0.1]/hooks")]
    [TestCase("https://[::1]:8443/hooks")]
    [TestCase("https://0.0.0.0/hooks")]
    [TestCase("https://[::]/hooks")]
    [TestCase("https://10.0.0.1/hooks")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://100.64.1.1/hooks")]
    [TestCase("https://[fd00::1]/hooks")]
    [TestCase("https://[fe80::1]/hooks")]
    [TestCase("https://localhost/hooks")]
    public async Task Problem_WhenTheHostIsOrResolvesToANonPublicAddress_RefusesIt(string url) =>
        Assert.That(await Guard.ProblemAsync(new Uri(url), CancellationToken.None), Does.StartWith("must not point to a"));

    [Test]
    public async Task Problem_WhenTheUrlIsHttp_AsksForHttps() =>
        Assert.That(await Guard.ProblemAsync(new Uri("http://93.184.215.14/hooks"), CancellationToken.None), Is.EqualTo("must be an https URL"));

    [Test]
    public async Task Problem_WhenThePublicAddressIsLiteral_AcceptsIt() =>
        Assert.That(await Guard.ProblemAsync(new Uri("https://93.184.215.14/hooks"), CancellationToken.None), Is.Null);

    [Test]
    public async Task Problem_WhenPrivateNetworksAndInsecureUrlsAreAllowed_AcceptsLoopbackOverHttp()
    {
        var lenient = new WebhookUrlGuard(new WebhookOptions { AllowInsecureUrls = true, AllowPrivateNetworks = true });

        Assert.That(await lenient.ProblemAsync(new Uri("http://127.0.0.1:9/hooks"), CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task ConnectAsync_WhenTheNameResolvesToLoopback_RefusesBeforeConnecting()
    {
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = Guard.ConnectAsync, UseProxy = false });

        var failure = Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://localhost:9/hooks"));

        Assert.That(failure!.Message + failure.InnerException?.Message, Does.Contain("loopback"));
        await Task.CompletedTask;
    }

    [Test]
    public void Signature_MatchesTheStandardWebhooksExample()
    {
        // The example of the Standard Webhooks specification's reference libraries.
        var signature = WebhookSignature.Sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        Assert.That(signature, Is.EqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }
}
