using ConflictGraph.Benchmarks;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>
/// Bytes per request from two readings of <c>/floor/allocations</c>: printed only when the GC's heap count was fixed for both
/// and the total grew by a plausible amount; otherwise the row is marked with the reason.
/// </summary>
public sealed class AllocationFigureTests
{
    private static AllocationReading Fixed(long bytes) => new(bytes, HeapCountFixed: true);

    [Fact]
    public void AFixedHeapCountAndAGrowingTotalGiveBytesPerRequest()
    {
        var figure = AllocationFigure.From(Fixed(1_000_000), Fixed(1_000_000 + 13_700 * 1_000L), 1_000);

        Assert.Equal(13_700.0, figure.BytesPerRequest);
        Assert.Null(figure.Untrusted);
    }

    [Fact]
    public void ATotalThatWentDownIsNeverPrintedAsANegativeFigure()
    {
        // Session 18's 10k floor row: a heap retired during the run took its bytes out of the total.
        var figure = AllocationFigure.From(Fixed(5_000_000_000), Fixed(5_000_000_000 - 97_205L * 200_000), 200_000);

        Assert.Null(figure.BytesPerRequest);
        Assert.Contains("did not grow", figure.Untrusted);
    }

    [Fact]
    public void AHeapCountThatMayChangeIsNotTrustedEvenWhenTheTotalGrew()
    {
        var figure = AllocationFigure.From(new AllocationReading(1_000, HeapCountFixed: false), new AllocationReading(130_000_000, HeapCountFixed: false), 1_000);

        Assert.Null(figure.BytesPerRequest);
        Assert.Contains("heap count", figure.Untrusted);
    }

    [Fact]
    public void OneReadingFromAServiceWhoseCountMayChangeIsEnoughToDistrustTheRun() =>
        Assert.Null(AllocationFigure.From(Fixed(1_000), new AllocationReading(2_000_000, HeapCountFixed: false), 100).BytesPerRequest);

    [Fact]
    public void AFigureBeyondAnyPlausibleRequestIsNotPrinted()
    {
        var figure = AllocationFigure.From(Fixed(0), Fixed(1L << 40), 10);

        Assert.Null(figure.BytesPerRequest);
        Assert.Contains("plausible", figure.Untrusted);
    }

    [Fact]
    public void ARunThatServedNothingHasNoFigure() => Assert.Contains("no request", AllocationFigure.From(Fixed(0), Fixed(5_000), 0).Untrusted);

    [Fact]
    public void AnEndpointThatDoesNotSayItsHeapCountIsFixedIsTakenAsOneThatMayChange()
    {
        Assert.Equal(new AllocationReading(4_124_920, false), AllocationReading.Parse("""{"bytes":4124920}"""));
        Assert.Equal(new AllocationReading(42, true), AllocationReading.Parse("""{"bytes":42,"heapCountFixed":true}"""));
        Assert.Equal(new AllocationReading(42, false), AllocationReading.Parse("""{"bytes":42,"heapCountFixed":false}"""));
    }
}
