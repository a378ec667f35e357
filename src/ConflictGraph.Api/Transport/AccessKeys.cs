using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Transport;

/// <summary>What a caller may do: read, and write as <see cref="Writer"/> (the key's name in the change log).</summary>
public sealed record Access(bool CanRead, string? Writer)
{
    public bool CanWrite => Writer is not null;
}

/// <summary>What the caller's key allows, from <c>Authorization: Bearer KEY</c>.</summary>
public sealed class AccessKeys(IOptionsMonitor<AccessOptions> options)
{
    public Access Check(string? authorization)
    {
        var settings = options.CurrentValue;
        var key = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
        var writer = key is null ? null : Match(key, settings.Writers());
        var canRead = settings.ReadKeys.Count == 0 || writer is not null || (key is not null && Match(key, settings.ReadKeys.Select(k => ("", k))) is not null);
        return new Access(canRead, writer);
    }

    // Every configured key is compared in constant time, so timing tells nothing about a near miss or which key matched.
    private static string? Match(string key, IEnumerable<(string Name, string Key)> keys)
    {
        var given = Encoding.UTF8.GetBytes(key);
        string? found = null;
        foreach (var (name, candidate) in keys.Where(k => !string.IsNullOrEmpty(k.Key)))
            if (CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(candidate))) found ??= name;
        return found;
    }
}
