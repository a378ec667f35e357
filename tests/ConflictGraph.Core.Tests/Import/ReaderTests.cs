using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;

namespace ConflictGraph.Core.Tests.Import;

public sealed class ReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cg-reader-").FullName;

    [Fact]
    public async Task AnUnknownFieldNamesTheFileLineAndPath()
    {
        var file = Write("events.json", """
            {
              "events": [
                { "id": "event:a", "title": "A", "kind": "AIRSTRIKE" },
                { "id": "event:b", "titel": "B", "kind": "AIRSTRIKE" }
              ]
            }
            """);

        var problems = await ReadProblemsAsync(file);

        Assert.Equal($"{file}: line 4, position 32: $.events[1].titel: unknown field", Assert.Single(problems).ToString());
    }

    [Fact]
    public async Task BrokenSyntaxNamesTheLine()
    {
        var file = Write("broken.json", "{\n  \"persons\": [\n    { \"id\": \"person:a\" \"name\": \"A\" }\n  ]\n}");

        var problem = Assert.Single(await ReadProblemsAsync(file)).ToString();

        Assert.StartsWith($"{file}: line 3, position ", problem);
        Assert.Contains("$.persons[0]", problem);
        Assert.Contains(": invalid JSON: ", problem);
    }

    [Fact]
    public void AWrongTypeSaysWhatWasExpected() =>
        Assert.Equal("input: line 1, position 119: $.statements[0].casualtyReports[0].killedMin: expected a whole number",
            Assert.Single(GraphInputReader.Read(
                """{ "statements": [ { "id": "statement:a", "text": "T", "stance": "REPORTS", "casualtyReports": [ { "killedMin": "seven" } ] } ] }""").Problems).ToString());

    [Fact]
    public void CommentsAndTrailingCommasAreAllowed()
    {
        var read = GraphInputReader.Read("""
            {
              // people first
              "persons": [ { "id": "person:a", "name": "A", }, ],
            }
            """);

        Assert.Empty(read.Problems);
        Assert.Equal("person:a", Assert.Single(read.Input.Persons!).Id);
    }

    [Fact]
    public void FieldNamesAreExactCamelCase() =>
        Assert.EndsWith("$.persons[0].Name: unknown field",
            Assert.Single(GraphInputReader.Read("""{ "persons": [ { "id": "person:a", "Name": "A" } ] }""").Problems).ToString());

    [Fact]
    public async Task FilesMergeAndProblemsNameTheFileAndItsOwnIndex()
    {
        var first = Write("a.json", """{ "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRIKE" } ] }""");
        var second = Write("b.json", """
            { "events": [ { "id": "event:b", "title": "B", "kind": "AIRSTRIKE" },
                          { "id": "event:a", "title": "C", "kind": "AIRSTRIKE", "date": { "start": "2021-06-27", "end": "2021-06-01", "precision": "DAY" } } ] }
            """);

        var validation = await GraphValidator.ValidateAsync(new JsonFileSource([first, second]), null, CancellationToken.None);
        var problems = validation.Problems;

        Assert.Equal(3, validation.Nodes);
        Assert.Equal(
            [$"{second}: events[1].id: 'event:a' also used by {first}: events[0]", $"{second}: events[1].date.end: before start"],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task CountingGivesWhatAReadingCountsAndTheSameFirstProblemOfABrokenFile()
    {
        var first = Write("a.json", """
            { "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRIKE" }, null ], "relations": [ {}, {} ],
              "persons": [ { "id": "person:a", "name": "A" } ], "facts": [ {} ] }
            """);
        var second = Write("b.json", """{ "relations": [ { "type": "X" } ], "places": [ { "id": "place:a" } ] }""");
        var broken = Write("c.json", "{ \"persons\": [ { \"id\": \"person:b\" },\n { \"id\": } ] }");

        var counting = new JsonFileSource([first, second, broken]);
        var size = await counting.CountAsync(CancellationToken.None);
        var reading = new JsonFileSource([first, second, broken]);
        var validation = await GraphValidator.ValidateAsync(reading, null, CancellationToken.None);

        Assert.Equal(new GraphSize(5, 3, 1), size);
        Assert.Equal((validation.Nodes, validation.Relations, validation.Facts), (size.Nodes, size.Relations, size.Facts));
        Assert.Equal(reading.ReadProblems, counting.ReadProblems);
        Assert.StartsWith($"{broken}: line 2, position ", Assert.Single(counting.ReadProblems).ToString());
    }

    [Fact]
    public async Task EveryUnreadableFileIsReported()
    {
        var broken = Write("broken.json", "{ \"persons\": [ }");
        var missing = Path.Combine(_directory, "missing.json");

        var problems = await ReadProblemsAsync(broken, missing);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith($"{missing}: cannot be read", problems[1].ToString());
    }

    private static async Task<IReadOnlyList<ValidationProblem>> ReadProblemsAsync(params string[] files)
    {
        var source = new JsonFileSource(files);
        await GraphValidator.ValidateAsync(source, null, CancellationToken.None);
        return source.ReadProblems;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }
}
