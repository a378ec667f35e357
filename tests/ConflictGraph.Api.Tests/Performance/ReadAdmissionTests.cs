using ConflictGraph.Api.Caching;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>The doorkeeper: a read is kept at its second trip to the store within the window, never at its first.</summary>
public sealed class ReadAdmissionTests
{
    [Fact]
    public void AReadIsAdmittedAtItsSecondMissNotItsFirst()
    {
        var admission = new ReadAdmission(1024);
        Assert.False(admission.Admit("GetNodesAsync|[\"event:1\"]"));
        Assert.False(admission.Admit("GetNodesAsync|[\"event:2\"]"));
        Assert.True(admission.Admit("GetNodesAsync|[\"event:1\"]"));
        Assert.True(admission.Admit("GetNodesAsync|[\"event:1\"]"));
    }

    [Fact]
    public void ReadsWhoseKeysDifferOnlyAtTheirEndKeepSlotsOfTheirOwn()
    {
        // Node reads of 1,000 ids in sequence, as the floor and a query's first level key them, each asked twice in the
        // default window of 65,536 slots: with slots picked at random about 985 would be let in at the second ask (a few
        // share a slot by chance). Before the keys' hash was finalized, 341 were: ids differing only at the end shared slots.
        var admission = new ReadAdmission(65_536);
        var keys = Enumerable.Range(1, 1000).Select(i => ReadKeys.Ids(nameof(IGraphStore.GetNodesAsync), [$"event:e{i:D7}"])).ToList();
        Assert.All(keys, key => Assert.False(admission.Admit(key)));
        Assert.InRange(keys.Count(admission.Admit), 950, 1000);
    }

    [Fact]
    public void AScreenedReadsFingerprintIsItsKeysThoughNoKeyIsMade()
    {
        // A screened read is remembered by the fingerprint written on the stack, a looked-up one admitted by its key's:
        // unless the two agree, a read that came round in a screened kind would never be kept. Long keys outgrow the stack.
        foreach (var id in new[] { "event:e0000001", "", "é😀", new string('x', 300), new string('y', 5000) })
        {
            var fields = (KeyFields<string>)((ref KeyWriter key, string one) => ReadKeys.Ids(ref key, nameof(IGraphStore.GetNodesAsync), [one]));
            Assert.Equal(ReadAdmission.Fingerprint(ReadKeys.Text(id, fields)), ReadKeys.Fingerprint(id, fields));
        }
        var admission = new ReadAdmission(1024);
        Assert.False(admission.Admit(ReadKeys.Fingerprint("event:e1", (ref KeyWriter key, string one) => ReadKeys.Ids(ref key, "GetNodesAsync", [one]))));
        Assert.True(admission.Admit(ReadKeys.Ids("GetNodesAsync", ["event:e1"])));
    }

    [Fact]
    public void AReadPushedOutOfTheWindowMustMissTwiceAgain()
    {
        // One slot: every other read pushes the last one out.
        var admission = new ReadAdmission(1);
        Assert.False(admission.Admit("a"));
        Assert.False(admission.Admit("b"));
        Assert.False(admission.Admit("a"));
        Assert.True(admission.Admit("a"));
    }

    [Fact]
    public void AWindowOfZeroAdmitsEveryReadAtItsFirstMiss()
    {
        var admission = new ReadAdmission(0);
        Assert.True(admission.Admit("a"));
        Assert.True(admission.Admit("b"));
    }

    [Theory]
    [InlineData("AdmissionWindow", "-1", "ConflictGraph:Caching:AdmissionWindow is -1")]
    [InlineData("MaxEntries", "0", "ConflictGraph:Caching:MaxEntries is 0")]
    [InlineData("VersionCheckInterval", "-00:00:01", "ConflictGraph:Caching:VersionCheckInterval is -00:00:01")]
    [InlineData("MinimumHitRate", "1.5", "ConflictGraph:Caching:MinimumHitRate is 1.5")]
    [InlineData("MinimumHitRate", "-0.1", "ConflictGraph:Caching:MinimumHitRate is -0.1")]
    [InlineData("HitRateWindow", "0", "ConflictGraph:Caching:HitRateWindow is 0")]
    public void ASettingThatCannotMeanAnythingIsRefusedAtStartByName(string setting, string value, string message)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConflictGraph:Caching:{setting}"] = value }).Build();
        var services = new ServiceCollection().AddSingleton<IGraphStore>(_ => throw new InvalidOperationException("not opened by this test"));
        using var provider = services.AddQueryCaching(configuration).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CachingOptions>>().Value);
        Assert.Contains(error.Failures, failure => failure.StartsWith(message));
    }
}
