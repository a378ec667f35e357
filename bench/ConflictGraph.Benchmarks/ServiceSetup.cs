namespace ConflictGraph.Benchmarks;

/// <summary>
/// How a started service is configured. A measured service runs as shipped: every setting at its default except what
/// its rows are about (the read cache on or off, the floor's endpoint, a write key when the run writes). The figures
/// that need the service to do more come from probes, services of their own that are never timed: the cost report for
/// store calls, a fixed GC heap count for allocated bytes.
/// </summary>
/// <param name="CacheReads">False switches the read cache off (ConflictGraph__Caching__StoreReads).</param>
/// <param name="CostReport">Adds <c>extensions.cost</c> to every answer (ConflictGraph__Diagnostics__Cost): store-call probes only.</param>
/// <param name="FixedHeapCount">Server GC without dynamic adaptation (DOTNET_GCDynamicAdaptationMode=0), so the runtime's
/// allocated-bytes total covers every heap that allocates: allocation probes only.</param>
/// <param name="WriteKey">Accepts <see cref="WriteLoad.Key"/> for the reads-under-writes rows.</param>
public sealed record ServiceSetup(bool CacheReads, bool CostReport = false, bool FixedHeapCount = false, bool WriteKey = false)
{
    /// <summary>A service whose requests are timed: as shipped, with the read cache as its rows ask.</summary>
    public static ServiceSetup Measured(bool cacheReads, bool writes = false) => new(cacheReads, WriteKey: writes);

    /// <summary>A short-lived service asked once per variant for <c>extensions.cost</c>.</summary>
    public static ServiceSetup StoreCallProbe(bool cacheReads) => new(cacheReads, CostReport: true);

    /// <summary>A service loaded as a measured one would be, read only for the bytes it allocates per request.</summary>
    public static ServiceSetup AllocationProbe(bool cacheReads) => new(cacheReads, FixedHeapCount: true);

    public bool IsProbe => CostReport || FixedHeapCount;

    /// <summary>The service's environment over <paramref name="store"/> at <paramref name="address"/>.</summary>
    public Dictionary<string, string> Environment(string store, Uri address)
    {
        var environment = ImportMeasure.StoreEnvironment(store);
        environment["ASPNETCORE_URLS"] = address.ToString();
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The floor's row and the allocation count; two routes more, nothing in the GraphQL path.
        environment["ConflictGraph__Diagnostics__Floor"] = "true";
        environment["ConflictGraph__Caching__StoreReads"] = CacheReads ? "true" : "false";
        if (CostReport) environment["ConflictGraph__Diagnostics__Cost"] = "true";
        if (FixedHeapCount) environment["DOTNET_GCDynamicAdaptationMode"] = "0";
        if (WriteKey) environment["ConflictGraph__Auth__WriteKeys__0"] = WriteLoad.Key;
        foreach (var (key, value) in ServiceLimits.Generous) environment[key] = value;
        return environment;
    }

    /// <summary>
    /// Whether a variable of the run's own environment would change how the service runs (its settings, the web host's,
    /// the runtime's GC and JIT): such a variable is not passed on, so the service runs with <see cref="Environment"/> alone.
    /// </summary>
    public static bool Overrides(string variable) =>
        new[] { "ConflictGraph__", "Logging__", "ASPNETCORE_", "DOTNET_GC", "DOTNET_gc", "DOTNET_Tiered", "DOTNET_TC_", "DOTNET_ReadyToRun", "COMPlus_" }
            .Any(prefix => variable.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
