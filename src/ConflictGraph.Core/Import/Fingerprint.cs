using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ConflictGraph.Core.Import;

/// <summary>
/// A 128-bit fingerprint of a text (the first half of its SHA-256), so a batch's sets of ids and
/// claims cost 16 bytes an entry instead of the strings. Two different texts share a fingerprint
/// with a probability near 2^-128 per pair, far below any hardware fault rate, so equal
/// fingerprints are taken as equal texts.
/// </summary>
public static class Fingerprint
{
    private const char Separator = '\u001f';

    public static UInt128 Of(string text) => Of(text, null, null);

    /// <summary>Of the texts joined with a separator no id or key contains.</summary>
    public static UInt128 Of(string first, string? second, string? third = null)
    {
        var length = Encoding.UTF8.GetMaxByteCount(first.Length + (second?.Length + 1 ?? 0) + (third?.Length + 1 ?? 0));
        byte[]? rented = null;
        var bytes = length <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var used = Encoding.UTF8.GetBytes(first, bytes);
        if (second is not null) used += Append(second, bytes[used..]);
        if (third is not null) used += Append(third, bytes[used..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes[..used], hash);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }

    private static int Append(string text, Span<byte> into)
    {
        into[0] = (byte)Separator;
        return 1 + Encoding.UTF8.GetBytes(text, into[1..]);
    }
}
