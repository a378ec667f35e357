using System.Text.Json;
using ConflictGraph.Benchmarks;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The store-call probe's reading of <c>extensions.cost</c>: the reads a request asked, wherever they were answered.</summary>
public sealed class CostReadingTests
{
    private static double? Reads(string answer)
    {
        using var document = JsonDocument.Parse(answer);
        return CostReading.Reads(document.RootElement);
    }

    [Fact]
    public void StoreCallsCacheHitsAndSharedCallsAddUp() =>
        Assert.Equal(6.0, Reads("""{"data":{},"extensions":{"cost":{"storeCalls":1,"storeRequests":0,"storeMilliseconds":0.4,"cacheHits":3,"sharedCalls":2}}}"""));

    [Fact]
    public void AServiceOlderThanTheHitAndSharedCountsIsReadByItsStoreCalls() =>
        Assert.Equal(2.0, Reads("""{"data":{},"extensions":{"cost":{"storeCalls":2,"storeMilliseconds":0.1}}}"""));

    [Theory]
    [InlineData("""{"data":{"node":null}}""")]
    [InlineData("""{"data":{},"extensions":{"tracing":{}}}""")]
    [InlineData("""{"data":{},"extensions":{"cost":{"cacheHits":3}}}""")]
    [InlineData("""[1,2]""")]
    public void AnAnswerWithoutACostReportHasNoFigure(string answer) => Assert.Null(Reads(answer));
}
