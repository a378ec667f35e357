using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Budgets of the parsed-document cache and the persisted-query cache (section
/// <c>ConflictGraph:Caching</c>), in bytes and separate from each other and from cached store
/// reads, so no kind of entry can crowd out another.
/// </summary>
public sealed class DocumentCacheOptions
{
    /// <summary>Memory the parsed documents may take, estimated from their text.</summary>
    public long DocumentBytes { get; set; } = 64L << 20;

    /// <summary>Memory the registered persisted queries may take.</summary>
    public long PersistedQueryBytes { get; set; } = 16L << 20;

    /// <summary>Larger query texts are neither kept parsed nor registered as persisted queries; they still run.</summary>
    public int MaxDocumentBytes { get; set; } = 64 << 10;

    /// <summary>How long a persisted query stays registered after its last use.</summary>
    public TimeSpan PersistedQueryLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// What one document costs in memory: its UTF-16 text and the syntax tree parsed from it,
    /// which takes roughly ten bytes per character of text for the documents clients send.
    /// </summary>
    public static long EstimatedBytes(string text) => 2L * text.Length + 10L * text.Length + 256;
}

/// <summary>Refuses budgets that cannot work, at start.</summary>
public sealed class DocumentCacheOptionsValidator : IValidateOptions<DocumentCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentCacheOptions options)
    {
        var failures = new List<string>();
        if (options.DocumentBytes < 0) failures.Add($"{CachingOptions.Section}:DocumentBytes is {options.DocumentBytes}; it must not be negative");
        if (options.PersistedQueryBytes < 0) failures.Add($"{CachingOptions.Section}:PersistedQueryBytes is {options.PersistedQueryBytes}; it must not be negative");
        if (options.MaxDocumentBytes < 0) failures.Add($"{CachingOptions.Section}:MaxDocumentBytes is {options.MaxDocumentBytes}; it must not be negative");
        if (options.PersistedQueryLifetime <= TimeSpan.Zero)
            failures.Add($"{CachingOptions.Section}:PersistedQueryLifetime is {options.PersistedQueryLifetime}; it must be positive");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
