using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

/// <summary>Refuses at start store-read cache settings that cannot mean anything, naming each.</summary>
public sealed class CachingOptionsValidator : IValidateOptions<CachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CachingOptions options)
    {
        var failures = new List<string>();
        if (options.MaxEntries <= 0) failures.Add($"{CachingOptions.Section}:MaxEntries is {options.MaxEntries}; it must be positive");
        if (options.AdmissionWindow < 0) failures.Add($"{CachingOptions.Section}:AdmissionWindow is {options.AdmissionWindow}; it must not be negative (0 keeps every read)");
        if (!HitRate.IsShare(options.MinimumHitRate))
            failures.Add($"{CachingOptions.Section}:MinimumHitRate is {options.MinimumHitRate}; it must be a share between 0 (cache every kind of read always) and 1");
        if (options.HitRateWindow <= 0) failures.Add($"{CachingOptions.Section}:HitRateWindow is {options.HitRateWindow}; it must be positive");
        if (options.VersionCheckInterval < TimeSpan.Zero)
            failures.Add($"{CachingOptions.Section}:VersionCheckInterval is {options.VersionCheckInterval}; it must not be negative");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
