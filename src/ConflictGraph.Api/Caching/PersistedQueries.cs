using System.Security.Cryptography;
using System.Text;
using ConflictGraph.Api.Schema;
using GraphQL;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Automatic persisted queries as Apollo clients send them: a hash alone runs the query
/// registered under it (or answers PERSISTED_QUERY_NOT_FOUND); a hash with its query registers it,
/// once the hash is checked to be the query's SHA-256. The transport calls this only after the
/// access check, so nobody without a read key can register anything. Entries expire after
/// <see cref="DocumentCacheOptions.PersistedQueryLifetime"/> unused, within their own byte budget.
/// </summary>
public sealed class PersistedQueries(IOptions<DocumentCacheOptions> options) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.PersistedQueryBytes, TrackStatistics = true });

    /// <summary>Estimated bytes held now, for tests and diagnostics.</summary>
    public long HeldBytes => cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public void Dispose() => cache.Dispose();

    public const string NotFoundMessage = "PersistedQueryNotFound";

    /// <summary>The query text to run, or the error to answer with instead.</summary>
    public (string? Query, ExecutionError? Error) Resolve(string? query, Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var value)) return (query, null);
        if (value is not IDictionary<string, object?> persisted || !persisted.TryGetValue("sha256Hash", out var given) || given is not string hash
            || hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            return (null, ApiErrors.BadInput("extensions.persistedQuery needs a sha256Hash of 64 hex digits"));
        if (persisted.TryGetValue("version", out var version) && version is not null && Convert.ToString(version) != "1")
            return (null, ApiErrors.BadInput($"extensions.persistedQuery.version {version} is not supported; use 1"));
        hash = hash.ToLowerInvariant();
        if (query is null)
            return cache.TryGetValue(hash, out string? known)
                ? (known, null)
                : (null, ApiErrors.Error(ApiErrors.PersistedQueryNotFound, NotFoundMessage));
        var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        if (actual != hash)
            return (null, ApiErrors.BadInput($"extensions.persistedQuery.sha256Hash {hash} is not the SHA-256 of the query ({actual}); nothing was registered"));
        // A query too large to keep still runs; its hash alone will answer PERSISTED_QUERY_NOT_FOUND.
        if (query.Length <= options.Value.MaxDocumentBytes)
            cache.Set(hash, query, new MemoryCacheEntryOptions
            {
                Size = 2L * query.Length + 256, SlidingExpiration = options.Value.PersistedQueryLifetime,
            });
        return (query, null);
    }
}
