using ConflictGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>
/// Issue 10, items 1, 3 and 5: documents that make validation explode are refused by their
/// fragment-expanded size before any rule walks them, and no response carries more than a few
/// errors.
/// </summary>
public sealed class ValidationHostileTests(ConflictGraphApp app, ITestOutputHelper output) : IClassFixture<ConflictGraphApp>
{
    [Theory]
    [InlineData(10, 10)]
    [InlineData(20, 10)]
    [InlineData(60, 2)]
    [InlineData(3, 1000)]
    public async Task FragmentFanOutIsRefusedBeforeAnyRuleWalksIt(int levels, int fanOut)
    {
        var outcome = await HostileRequest.PostAsync(app, output, $"fragments {levels} levels x {fanOut} spreads", HostileDocuments.FragmentFanOut(levels, fanOut));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.Contains("once its fragments are spread", outcome.FirstMessage);
    }

    [Fact]
    public async Task AChainOfFragmentsLongerThanTheWalkFollowsIsRefused()
    {
        var chain = string.Concat(Enumerable.Range(0, 5000).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }}\n"));
        var outcome = await HostileRequest.PostAsync(app, output, "5,000 chained fragments", $"query {{ ...F0 }}\n{chain}fragment F5000 on Query {{ stats {{ nodes }} }}");

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.Contains("nests fragments more than", outcome.FirstMessage);
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(20_000)]
    public async Task ConflictingFieldsBeyondTheFieldCapAreRefusedWithOneError(int count)
    {
        var outcome = await HostileRequest.PostAsync(app, output, $"{count} conflicting node(id:) fields", HostileDocuments.ConflictingFields(count));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
    }

    [Theory]
    [InlineData(240)]
    [InlineData(21)]
    public async Task OneNameSelectedMoreThanTwentyTimesIsRefusedBeforeTheMergeCheck(int count)
    {
        var outcome = await HostileRequest.PostAsync(app, output, $"{count} conflicting node(id:) fields", HostileDocuments.ConflictingFields(count));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.Contains($"'node' is selected {count} times in one selection set", outcome.FirstMessage);
    }

    [Fact]
    public async Task ConflictsWithinEveryCapAnswerWithACappedErrorList()
    {
        // 11 root fields, each selected 20 times with different arguments: 440 fields and 2,090 conflicting pairs.
        string[] lists = ["events", "actors", "places", "statements", "relations", "retaliations", "disputes", "sources"];
        var fields = lists.SelectMany(list => Enumerable.Range(1, 20).Select(i => $"{list}(first: {i}) {{ totalCount }}"))
            .Concat(Enumerable.Range(0, 20).SelectMany(i => new[] { $"node(id: \"{i}\") {{ id }}", $"nodes(ids: [\"{i}\"]) {{ id }}", $"search(text: \"w{i}\") {{ score }}" }));
        var outcome = await HostileRequest.PostAsync(app, output, "11 names x 20 conflicting selections", "{ " + string.Join(' ', fields) + " }");

        Assert.Equal(21, outcome.Errors.Count);
        Assert.Contains("more error(s) left out; at most 20 are listed", outcome.Errors[^1]!["message"]!.GetValue<string>());
        Assert.InRange(outcome.Body.Length, 1, 64 * 1024);
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(100_000)]
    public async Task RepeatedFieldsAreCountedBeforeValidation(int count)
    {
        var outcome = await HostileRequest.PostAsync(app, output, $"{count} repeated fields", HostileDocuments.RepeatedFields(count));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.Contains($"selects {count + 1} fields", outcome.FirstMessage);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(14)]
    public async Task InlineFragmentDoublingIsCountedExpanded(int levels)
    {
        var outcome = await HostileRequest.PostAsync(app, output, $"inline fragments doubled {levels} times", HostileDocuments.InlineDoubling(levels));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
    }

    [Fact]
    public async Task RepeatedSkipsAreCountedToo()
    {
        var outcome = await HostileRequest.PostAsync(app, output, "20,000 fields with @skip", HostileDocuments.RepeatedSkips(20_000));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(200)]
    public async Task ASelectionDeeperThanTheParserAcceptsIsTooComplexNotInternal(int levels)
    {
        var outcome = await HostileRequest.PostAsync(app, output, $"a {levels}-level selection", HostileDocuments.DeepSelection(levels));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
    }

    [Fact]
    public async Task ManyAliasesSpreadThroughFragmentsAreCounted()
    {
        var outcome = await HostileRequest.PostAsync(app, output, "aliases inside a fragment spread 30 times",
            HostileDocuments.FragmentFanOut(1, 30, leaf: "a: stats { nodes } b: stats { relations }"));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.Contains("aliases", outcome.FirstMessage);
    }

    [Fact]
    public async Task AnOrdinaryQueryStillRuns()
    {
        var outcome = await HostileRequest.PostAsync(app, output, "a fragment spread twice", HostileDocuments.FragmentFanOut(2, 2));

        Assert.Empty(outcome.Errors);
        Assert.NotNull(outcome.Json!["data"]!["stats"]!["nodes"]);
    }
}
