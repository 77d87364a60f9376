using Talkover.Application.Tests.Support;

namespace Talkover.Application.Tests;

[TestFixture]
public sealed class MappingConfigurationTests
{
    [Test]
    public void MapperConfiguration_WhenBuiltFromTheApplicationProfiles_MapsEveryDestinationMember()
    {
        Assert.That(() => TestMapper.Configuration.AssertConfigurationIsValid(), Throws.Nothing);
    }
}
