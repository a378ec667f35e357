using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ConflictGraph.Core.Import.Sources;

/// <summary>
/// Seed-format JSON files read as a stream, one item at a time, so an import holds an item, not
/// the files. A reading of one group goes through every file in order and takes that group's
/// sections as they stand in the file, skipping the others. The first problem in a file (by its
/// position in the file, whichever pass found it) is reported with the file, line, position and
/// JSON path System.Text.Json gives for the whole document, and the file is read no further.
/// </summary>
public sealed class JsonFileSource(IReadOnlyList<string> files) : IGraphSource
{
    // file -> (offset of its first problem, the problem)
    private readonly SortedDictionary<int, (long Offset, ValidationProblem Problem)> problems = [];

    public IReadOnlyList<string> Files => files;

    public IReadOnlyList<ValidationProblem> ReadProblems => problems.Values.Select(p => p.Problem).ToList();

    public string Where(ItemPlace place, string? rest = null) => $"{files[place.File]}: {place}{rest}";

    public async IAsyncEnumerable<GraphItem> ReadAsync(SectionGroup group, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var file = 0; file < files.Count; file++)
        {
            if (Open(file) is not { } cursor) continue;
            using (cursor)
            {
                var reading = new FileReading(this, cursor, file, group);
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (reading.Next() is not { } item) break;
                    yield return item;
                }
            }
        }
        await Task.CompletedTask;
    }

    /// <summary>Every file tokenized with each item skipped, not converted: the counts, and any syntax problem, without a parse.</summary>
    public ValueTask<GraphSize> CountAsync(CancellationToken cancellationToken)
    {
        var counts = new long[GraphSections.All.Count];
        for (var file = 0; file < files.Count; file++)
        {
            if (Open(file) is not { } cursor) continue;
            using (cursor)
            {
                var reading = new FileReading(this, cursor, file, null) { Counts = counts, Cancellation = cancellationToken };
                while (reading.Next() is not null)
                {
                }
            }
        }
        var nodes = GraphSections.All.Where(s => s.HoldsNodes()).Sum(s => counts[(int)s]);
        return ValueTask.FromResult(new GraphSize(nodes, counts[(int)GraphSection.Relations], counts[(int)GraphSection.Facts]));
    }

    private JsonFileCursor? Open(int file)
    {
        try
        {
            return new JsonFileCursor(new FileStream(files[file], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems[file] = (-1, new ValidationProblem(files[file], $"cannot be read: {e.Message}"));
            return null;
        }
    }

    private bool StopsBefore(int file, long offset) => problems.TryGetValue(file, out var known) && known.Offset <= offset;

    private void Fail(int file, long offset, ValidationProblem problem)
    {
        if (!StopsBefore(file, offset)) problems[file] = (offset, problem);
    }

    /// <summary>One pass through one file: the top-level object, its lists, their items (of one group; with no group, none is taken).</summary>
    private sealed class FileReading(JsonFileSource source, JsonFileCursor cursor, int file, SectionGroup? group)
    {
        /// <summary>When set, the items skipped are counted here by section.</summary>
        public long[]? Counts { get; init; }

        public CancellationToken Cancellation { get; init; }

        private readonly string name = source.Files[file];
        private bool started;
        private GraphSection? section;
        private bool taking;
        private int index;
        private bool done;

        public GraphItem? Next()
        {
            if (done) return null;
            try
            {
                if (!started && !Start()) return Stop();
                while (true)
                {
                    if (section is { } current)
                    {
                        if (cursor.ReadItem(current.ItemType(), GraphJson.Read, skip: !taking, out var value))
                        {
                            if (source.StopsBefore(file, cursor.TokenOffset)) return Stop();
                            var place = new ItemPlace(current, file, index++);
                            if (taking) return new GraphItem(place, value);
                            if (Counts is not null)
                            {
                                Counts[(int)current]++;
                                Cancellation.ThrowIfCancellationRequested();
                            }
                            continue;
                        }
                        section = null;
                    }
                    if (!NextSection()) return Stop();
                }
            }
            catch (ItemException e)
            {
                source.Fail(file, cursor.TokenOffset, ItemProblem(e));
                return Stop();
            }
            catch (JsonException e)
            {
                source.Fail(file, cursor.TokenOffset, JsonProblem.From(Plain(e), name));
                return Stop();
            }
        }

        private GraphItem? Stop()
        {
            done = true;
            return null;
        }

        private bool Start()
        {
            started = true;
            var first = cursor.Next(out _);
            if (first == JsonTokenType.StartObject) return true;
            if (first == JsonTokenType.Null)
                source.Fail(file, cursor.TokenOffset, new ValidationProblem($"{name}: $", "expected an object holding the graph, not null"));
            else if (first is not null)
                Conversion(cursor.TokenOffset, "$", $"The JSON value could not be converted to {typeof(GraphInput).FullName}.", afterToken: true);
            else
                Conversion(cursor.TokenOffset, "$", "The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, while isFinalBlock is true.", afterToken: false);
            return false;
        }

        /// <summary>Moves to the next list of the top-level object; false at its end (or at a problem).</summary>
        private bool NextSection()
        {
            var token = cursor.Next(out var property);
            if (token == JsonTokenType.EndObject)
            {
                // Anything after the object is a syntax error the reader throws.
                cursor.Next(out _);
                return false;
            }
            var offset = cursor.TokenOffset;
            if (GraphSections.Parse(property ?? "") is not { } found)
            {
                Conversion(offset, $"$.{property}", $"The JSON property '{property}' could not be mapped to any .NET member contained in type '{typeof(GraphInput).FullName}'.", afterToken: true);
                return false;
            }
            var value = cursor.Next(out _);
            if (source.StopsBefore(file, cursor.TokenOffset)) return false;
            if (value == JsonTokenType.Null) return true;
            if (value != JsonTokenType.StartArray)
            {
                Conversion(cursor.TokenOffset, $"$.{property}", $"The JSON value could not be converted to System.Collections.Generic.List`1[{found.ItemType().FullName}].", afterToken: true);
                return false;
            }
            section = found;
            taking = group is { } taken && found.HoldsNodes() == (taken == SectionGroup.Nodes);
            index = 0;
            return true;
        }

        /// <param name="afterToken">Name the place just after the token read last, as a whole-document reading does for a value it cannot convert.</param>
        private void Conversion(long offset, string path, string message, bool afterToken)
        {
            var (line, position) = cursor.Locate(afterToken ? cursor.TokenEnd : offset);
            source.Fail(file, offset, JsonProblem.From(new JsonException(message, path, line, position), name));
        }

        /// <summary>
        /// A problem inside an item, named as the whole-document reading names it: the line and
        /// position come from the reader (it carries them across the file), the path inside the
        /// item from reading the item's bytes alone, prefixed with where the item stands.
        /// </summary>
        private ValidationProblem ItemProblem(ItemException e)
        {
            var inner = e.Json.Path;
            try
            {
                JsonSerializer.Deserialize(e.Bytes, section!.Value.ItemType(), GraphJson.Read);
            }
            catch (JsonException alone)
            {
                inner = alone.Path;
            }
            var path = $"$.{section!.Value.Name()}[{index}]{(inner is null or "$" ? "" : inner[1..])}";
            return JsonProblem.From(new JsonException(Plain(e.Json).Message, path, e.Line, e.Position), name);
        }

        /// <summary>The exception without the " LineNumber: ... | BytePositionInLine: ..." the reader adds to its message.</summary>
        private static JsonException Plain(JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
            return new JsonException(message, e.Path, e.LineNumber, e.BytePositionInLine);
        }
    }
}
