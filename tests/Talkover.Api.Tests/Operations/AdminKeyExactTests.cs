using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests.Operations;

/// <summary>The bootstrap key authenticates only as it is: nothing around it is trimmed away.</summary>
public sealed class AdminKeyExactTests : ApiTestBase
{
    private Uri Server => Api.Http.BaseAddress!;

    [Test]
    public async Task AdminKey_AsItIs_Authenticates()
    {
        var status = await RawHttp.SendAsync(Server, "GET", "/api/v1/admin/me", ("Authorization", "Bearer " + TalkoverApiFactory.AdminKey));

        Assert.That(status, Is.EqualTo(200));
    }

    [TestCase("\u00A0{0}", TestName = "AdminKey_AfterANonBreakingSpace_IsRefused")]
    [TestCase("{0}\u00A0", TestName = "AdminKey_BeforeANonBreakingSpace_IsRefused")]
    [TestCase("\u2003{0}\u2003", TestName = "AdminKey_BetweenEmSpaces_IsRefused")]
    [TestCase("{0}\u00A0\u00A0\u00A0\u00A0", TestName = "AdminKey_FollowedByNonBreakingSpaces_IsRefused")]
    public async Task AdminKey_WithUnicodeSpaces_IsRefused(string shape)
    {
        var status = await RawHttp.SendAsync(Server, "GET", "/api/v1/admin/me", ("Authorization", "Bearer " + string.Format(shape, TalkoverApiFactory.AdminKey)));

        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task AdminKey_After600Spaces_IsRefused()
    {
        var status = await RawHttp.SendAsync(Server, "GET", "/api/v1/admin/me", ("Authorization", "Bearer " + new string(' ', 600) + TalkoverApiFactory.AdminKey));

        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task AdminKey_Followed600SpacesAndAMark_IsRefused()
    {
        var status = await RawHttp.SendAsync(Server, "GET", "/api/v1/admin/me", ("Authorization", "Bearer " + TalkoverApiFactory.AdminKey + new string(' ', 600) + "x"));

        Assert.That(status, Is.EqualTo(401));
    }

    /// <summary>
    /// Spaces and tabs after a header's value are not part of it (RFC 9110, 5.5): the server removes them before
    /// the service reads the field, so the credential it compares is the key itself. Anything else after the key
    /// (a non-breaking space, a character after the spaces) is refused above.
    /// </summary>
    [Test]
    public async Task AdminKey_FollowedBy600AsciiSpaces_IsTheKeyAsHttpReadsTheField()
    {
        var status = await RawHttp.SendAsync(Server, "GET", "/api/v1/admin/me", ("Authorization", "Bearer " + TalkoverApiFactory.AdminKey + new string(' ', 600)));

        Assert.That(status, Is.EqualTo(200));
    }
}
