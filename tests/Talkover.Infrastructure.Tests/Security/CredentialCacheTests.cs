using Microsoft.Extensions.Time.Testing;
using Talkover.Infrastructure.Security;

namespace Talkover.Infrastructure.Tests.Security;

[TestFixture]
public sealed class CredentialCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task ALookup_IsRememberedForASecond_ThenReadAgain()
    {
        var cache = new CredentialCache(_clock);
        var loads = 0;
        Task<string?> Load() => Task.FromResult<string?>($"credential {++loads}");

        var first = await cache.GetOrLoadAsync("talq:hash", Load);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        var within = await cache.GetOrLoadAsync("talq:hash", Load);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var after = await cache.GetOrLoadAsync("talq:hash", Load);

        Assert.That((first, within, after), Is.EqualTo(("credential 1", "credential 1", "credential 2")),
            "a revocation made on another instance counts here within a second");
    }

    [Test]
    public async Task AnUnknownCredential_IsRememberedToo_SoAFloodOfGuessesCostsOneQueryEach()
    {
        var cache = new CredentialCache(_clock);
        var loads = 0;

        await cache.GetOrLoadAsync<string>("talq:guess", () => { loads++; return Task.FromResult<string?>(null); });
        await cache.GetOrLoadAsync<string>("talq:guess", () => { loads++; return Task.FromResult<string?>(null); });

        Assert.That(loads, Is.EqualTo(1));
    }

    [Test]
    public async Task Forget_DropsEverythingAtOnce()
    {
        var cache = new CredentialCache(_clock);
        await cache.GetOrLoadAsync("tks:key", () => Task.FromResult<string?>("active member"));

        cache.Forget();
        var reread = await cache.GetOrLoadAsync("tks:key", () => Task.FromResult<string?>(null));

        Assert.That(reread, Is.Null, "a revoked key is refused on this instance from the next request");
    }

    [Test]
    public async Task TheCache_NeverHoldsMoreThanItsBound()
    {
        var cache = new CredentialCache(_clock);

        for (var i = 0; i < CredentialCache.MaxEntries + 5; i++)
        {
            await cache.GetOrLoadAsync<string>($"talq:{i}", () => Task.FromResult<string?>(null));
        }

        var reloaded = false;
        await cache.GetOrLoadAsync<string>("talq:0", () => { reloaded = true; return Task.FromResult<string?>(null); });
        Assert.That(reloaded, Is.True, "past the bound the cache empties rather than grows");
    }
}
