using ConflictGraph.Core.Import;

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

        var read = await GraphInputReader.ReadFilesAsync([file], CancellationToken.None);

        Assert.Equal($"{file}: line 4, position 32: $.events[1].titel: unknown field", Assert.Single(read.Problems).ToString());
    }

    [Fact]
    public async Task BrokenSyntaxNamesTheLine()
    {
        var file = Write("broken.json", "{\n  \"persons\": [\n    { \"id\": \"person:a\" \"name\": \"A\" }\n  ]\n}");

        var problem = Assert.Single((await GraphInputReader.ReadFilesAsync([file], CancellationToken.None)).Problems).ToString();

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

        var read = await GraphInputReader.ReadFilesAsync([first, second], CancellationToken.None);
        var problems = await GraphValidator.ValidateAsync(read.Input, read.Origins, null, CancellationToken.None);

        Assert.Equal(3, read.Input.Events!.Count);
        Assert.Equal(
            [$"{second}: events[1].id: 'event:a' also used by {first}: events[0]", $"{second}: events[1].date.end: before start"],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task EveryUnreadableFileIsReported()
    {
        var broken = Write("broken.json", "{ \"persons\": [ }");
        var missing = Path.Combine(_directory, "missing.json");

        var read = await GraphInputReader.ReadFilesAsync([broken, missing], CancellationToken.None);

        Assert.False(read.Succeeded);
        Assert.Equal(2, read.Problems.Count);
        Assert.StartsWith($"{missing}: cannot be read", read.Problems[1].ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }
}
