using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ConflictGraph.Benchmarks;

/// <summary>How much of a file the OS page cache holds.</summary>
public sealed record CacheResidency(long ResidentBytes, long FileBytes)
{
    /// <summary>The share of the file held; an empty file counts as held.</summary>
    public double Share => FileBytes == 0 ? 1 : (double)ResidentBytes / FileBytes;
}

/// <summary>One sequential read of a whole file, as <c>cat FILE &gt; /dev/null</c> does: what it read and how long it took.</summary>
public sealed record ReadThrough(long Bytes, TimeSpan Elapsed);

/// <summary>
/// The OS page cache's hold on a store file. This machine's kernel pages file pages out about a minute after their last use
/// (DAMON reclaim; BENCHMARKS.md, "Quiet-machine check at 1M, session 28"), so a 1M store left alone while the 10k rows ran is
/// partly on disk again when its own rows start, and every miss costs the service CPU in the kernel.
/// </summary>
public static class PageCache
{
    // Mapped a gigabyte at a time: a 7.6 GB store needs a 1.9 MB vector at once otherwise.
    private const long Chunk = 1L << 30;
    private const int ProtRead = 1, MapShared = 1;

    /// <summary>
    /// The file's pages the page cache holds, from Linux <c>mincore</c> over a read-only shared mapping (mapping a file reads
    /// none of it, and mincore answers for a file mapping's pages whether they are cached, mapped in this process or not).
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux: mincore's answer for file pages is Linux's.</exception>
    /// <exception cref="IOException">The file cannot be opened, mapped or read; the message names it.</exception>
    public static CacheResidency Residency(string path)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException($"the OS cache state of {path} is read with Linux's mincore, and this is {RuntimeInformation.OSDescription}");
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            var length = RandomAccess.GetLength(handle);
            var page = Environment.SystemPageSize;
            long resident = 0;
            for (long offset = 0; offset < length; offset += Chunk)
                resident += ResidentPages(handle, offset, Math.Min(Chunk, length - offset), page) * page;
            // The last page counts whole when cached; the file's length does not.
            return new CacheResidency(Math.Min(resident, length), length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot read the OS cache state of {path}: {e.Message}", e);
        }
    }

    /// <summary>Reads the whole file once, in order, into nothing: its pages come into the OS cache (or are touched there).</summary>
    public static async Task<ReadThrough> ReadThroughAsync(string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long total = 0;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan | FileOptions.Asynchronous))
        {
            var buffer = new byte[1 << 20];
            for (int read; (read = await file.ReadAsync(buffer, cancellationToken)) > 0;) total += read;
        }
        return new ReadThrough(total, clock.Elapsed);
    }

    private static long ResidentPages(SafeFileHandle handle, long offset, long length, int page)
    {
        var address = mmap(IntPtr.Zero, (nuint)length, ProtRead, MapShared, (int)handle.DangerousGetHandle(), offset);
        if (address == new IntPtr(-1)) throw new IOException($"mmap failed (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            var vector = new byte[(length + page - 1) / page];
            if (mincore(address, (nuint)length, vector) != 0) throw new IOException($"mincore failed (errno {Marshal.GetLastPInvokeError()})");
            // Bit 0 of each byte: the page is in the cache; the other bits are reserved.
            return vector.Count(b => (b & 1) != 0);
        }
        finally
        {
            _ = munmap(address, (nuint)length);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr mmap(IntPtr address, nuint length, int protection, int flags, int descriptor, long offset);

    [DllImport("libc", SetLastError = true)]
    private static extern int munmap(IntPtr address, nuint length);

    [DllImport("libc", SetLastError = true)]
    private static extern int mincore(IntPtr address, nuint length, byte[] vector);
}
