using ConflictGraph.Benchmarks;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>
/// Measured services run as shipped (the cost report off, the GC's defaults, no write key unless the run writes); only the
/// probes turn on what they read.
/// </summary>
public sealed class ServiceSetupTests
{
    private static readonly Uri Address = new("http://127.0.0.1:5600");

    private static Dictionary<string, string> Environment(ServiceSetup setup) => setup.Environment("/tmp/store.db", Address);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AMeasuredServiceHasNoCostReportAndTheDefaultGc(bool cacheReads)
    {
        var environment = Environment(ServiceSetup.Measured(cacheReads));

        Assert.DoesNotContain("ConflictGraph__Diagnostics__Cost", environment.Keys);
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("DOTNET_", StringComparison.Ordinal));
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("Logging__", StringComparison.Ordinal));
        Assert.DoesNotContain("ConflictGraph__Auth__WriteKeys__0", environment.Keys);
        Assert.Equal(cacheReads ? "true" : "false", environment["ConflictGraph__Caching__StoreReads"]);
        Assert.Equal("false", environment["ConflictGraph__Seed__OnStartup"]);
        Assert.Equal("/tmp/store.db", environment["ConflictGraph__Sqlite__Path"]);
        Assert.False(ServiceSetup.Measured(cacheReads).IsProbe);
    }

    [Fact]
    public void AMeasuredServiceTakesTheWriteKeyOnlyWhenTheRunWrites() =>
        Assert.Equal(WriteLoad.Key, Environment(ServiceSetup.Measured(cacheReads: true, writes: true))["ConflictGraph__Auth__WriteKeys__0"]);

    [Fact]
    public void TheStoreCallProbeReportsCostsWithTheSessionsCacheSetting()
    {
        var environment = Environment(ServiceSetup.StoreCallProbe(cacheReads: false));

        Assert.Equal("true", environment["ConflictGraph__Diagnostics__Cost"]);
        Assert.Equal("false", environment["ConflictGraph__Caching__StoreReads"]);
        Assert.DoesNotContain("DOTNET_GCDynamicAdaptationMode", environment.Keys);
    }

    [Fact]
    public void TheAllocationProbeFixesTheHeapCountAndReportsNoCosts()
    {
        var environment = Environment(ServiceSetup.AllocationProbe(cacheReads: true));

        Assert.Equal("0", environment["DOTNET_GCDynamicAdaptationMode"]);
        Assert.DoesNotContain("ConflictGraph__Diagnostics__Cost", environment.Keys);
        Assert.Equal("true", environment["ConflictGraph__Caching__StoreReads"]);
    }

    [Theory]
    [InlineData("ConflictGraph__Diagnostics__Cost", true)]
    [InlineData("conflictgraph__caching__storereads", true)]
    [InlineData("Logging__LogLevel__Default", true)]
    [InlineData("ASPNETCORE_ENVIRONMENT", true)]
    [InlineData("DOTNET_GCDynamicAdaptationMode", true)]
    [InlineData("DOTNET_gcServer", true)]
    [InlineData("DOTNET_TieredPGO", true)]
    [InlineData("COMPlus_gcServer", true)]
    [InlineData("DOTNET_ROOT", false)]
    [InlineData("PATH", false)]
    [InlineData("HOME", false)]
    public void SettingsOfTheRunsOwnEnvironmentDoNotReachTheService(string variable, bool overrides) =>
        Assert.Equal(overrides, ServiceSetup.Overrides(variable));
}
