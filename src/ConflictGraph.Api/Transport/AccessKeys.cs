using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Transport;

/// <summary>What the caller's key allows, from <c>Authorization: Bearer KEY</c>.</summary>
public sealed class AccessKeys(IOptionsMonitor<AccessOptions> options)
{
    public (bool CanRead, bool CanWrite) Check(string? authorization)
    {
        var settings = options.CurrentValue;
        var key = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
        var canWrite = key is not null && Matches(key, settings.WriteKeys);
        var canRead = settings.ReadKeys.Count == 0 || canWrite || (key is not null && Matches(key, settings.ReadKeys));
        return (canRead, canWrite);
    }

    // Every configured key is compared in constant time, so timing tells nothing about a near miss.
    private static bool Matches(string key, IEnumerable<string> keys)
    {
        var given = Encoding.UTF8.GetBytes(key);
        var found = false;
        foreach (var candidate in keys.Where(k => !string.IsNullOrEmpty(k)))
            found |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(candidate));
        return found;
    }
}
