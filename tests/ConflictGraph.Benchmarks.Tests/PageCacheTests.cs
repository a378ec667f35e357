using System.Runtime.InteropServices;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The OS cache's hold on a store file, as the harness reports it beside each size's rows.</summary>
public sealed class PageCacheTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("cg-pagecache-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Written(int bytes)
    {
        var path = Path.Combine(directory, $"store-{bytes}.db");
        var data = new byte[bytes];
        new Random(7).NextBytes(data);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(data);
            file.Flush(flushToDisk: true);
        }
        return path;
    }

    [SkippableFact]
    public async Task AFileJustWrittenAndReadIsReportedWhollyCached()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mincore's answer for file pages is Linux's");
        var path = Written(3 * 1024 * 1024 + 123);

        var read = await PageCache.ReadThroughAsync(path, CancellationToken.None);

        Assert.Equal(3 * 1024 * 1024 + 123, read.Bytes);
        Assert.Equal(new CacheResidency(read.Bytes, read.Bytes), PageCache.Residency(path));
    }

    /// <summary>The reading follows the cache, not the file: pages the kernel was told to drop are reported gone.</summary>
    [SkippableFact]
    public void AFileDroppedFromTheCacheIsReportedMostlyNotCached()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mincore and posix_fadvise are Linux's here");
        var path = Written(4 * 1024 * 1024);
        using (var handle = File.OpenHandle(path))
            Assert.Equal(0, posix_fadvise((int)handle.DangerousGetHandle(), 0, 0, PosixFadvDontNeed));

        var residency = PageCache.Residency(path);

        Assert.Equal(4 * 1024 * 1024, residency.FileBytes);
        Assert.True(residency.Share < 0.5, $"{residency.ResidentBytes} of {residency.FileBytes} bytes still reported cached");
    }

    [SkippableFact]
    public void AnEmptyFileHoldsNothingAndCountsAsCached()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mincore's answer for file pages is Linux's");
        var path = Written(0);

        Assert.Equal((0L, 0L, 1.0), (PageCache.Residency(path).ResidentBytes, PageCache.Residency(path).FileBytes, PageCache.Residency(path).Share));
    }

    [Fact]
    public void ABadPathNamesTheFileInItsError()
    {
        var path = Path.Combine(directory, "no-such-dir", "store-1000000-seed1.db");

        var error = Assert.ThrowsAny<Exception>(() => PageCache.Residency(path));
        var reading = CacheReading.Of(path);

        Assert.Contains(path, error.Message);
        Assert.Null(reading.Residency);
        Assert.StartsWith("unreadable: ", reading.ToString());
        Assert.Contains(path, reading.ToString());
    }

    private const int PosixFadvDontNeed = 4;

    [DllImport("libc")]
    private static extern int posix_fadvise(int descriptor, long offset, long length, int advice);
}
