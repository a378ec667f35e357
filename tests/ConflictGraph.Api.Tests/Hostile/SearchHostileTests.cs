using ConflictGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>Issue 10, item 2: a search or text filter with thousands of words, or a huge word, is refused before the store runs it.</summary>
public sealed class SearchHostileTests(ConflictGraphApp app, ITestOutputHelper output) : IClassFixture<ConflictGraphApp>
{
    [Theory]
    [InlineData(8_000)]
    [InlineData(50_000)]
    public async Task ASearchWithThousandsOfWordsIsBadUserInput(int words)
    {
        var outcome = await HostileRequest.PostAsync(app, output, $"search of {words} words",
            "query($t: String!) { search(text: $t) { score } }", new { t = HostileDocuments.ManyWords(words) });

        Assert.Equal(["BAD_USER_INPUT"], outcome.Codes);
        Assert.Contains($"search: the search text has {words} words; at most 32 are allowed", outcome.FirstMessage);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("actors")]
    [InlineData("places")]
    [InlineData("statements")]
    public async Task EveryTextFilterHasTheSameCap(string list)
    {
        var outcome = await HostileRequest.PostAsync(app, output, $"{list}(filter: text) of 8,000 words",
            $"query($t: String) {{ {list}(filter: {{ text: $t }}) {{ totalCount }} }}", new { t = HostileDocuments.ManyWords(8_000) });

        Assert.Equal(["BAD_USER_INPUT"], outcome.Codes);
        Assert.Contains("at most 32 are allowed", outcome.FirstMessage);
    }

    [Fact]
    public async Task AHugeWordIsBadUserInput()
    {
        var outcome = await HostileRequest.PostAsync(app, output, "search of one 200,000-letter word",
            "query($t: String!) { search(text: $t) { score } }", new { t = new string('a', 200_000) });

        Assert.Equal(["BAD_USER_INPUT"], outcome.Codes);
        Assert.Contains("a word of 200000 characters; at most 100 are allowed", outcome.FirstMessage);
    }

    [Fact]
    public async Task ThirtyTwoWordsStillSearch()
    {
        var outcome = await HostileRequest.PostAsync(app, output, "search of 32 words",
            "query($t: String!) { search(text: $t) { score } }", new { t = "kataib " + HostileDocuments.ManyWords(31) });

        Assert.Empty(outcome.Errors);
    }
}
