using System.Text.Json;

namespace ConflictGraph.Core.Import.Sources;

/// <summary>
/// Reads one JSON file token by token through a buffer that holds only what is being read (it
/// grows to the largest single item, never to the file). Utf8JsonReader is a ref struct, so each
/// step makes one over the unread bytes with the state the last step left; the state carries the
/// line numbers System.Text.Json puts in its exceptions.
/// </summary>
internal sealed class JsonFileCursor(Stream stream) : IDisposable
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private bool final;
    private long bufferOffset;
    private JsonReaderState state = new(Options);
    // Newlines in the bytes before buffer[0], and the file offset where the last line began.
    private long lines;
    private long lineStart;

    /// <summary>The file offset where the last token read began.</summary>
    public long TokenOffset { get; private set; }

    /// <summary>
    /// The file offset just after what the last <see cref="Next"/> consumed (for a property name, its
    /// colon too): where System.Text.Json places a problem with a value it has just read.
    /// </summary>
    public long TokenEnd => bufferOffset + start;

    /// <summary>Reads the next token; for a property name also its text. Null at the end of the data.</summary>
    public JsonTokenType? Next(out string? name)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            if (reader.Read())
            {
                name = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                TokenOffset = bufferOffset + start + reader.TokenStartIndex;
                Commit(ref reader);
                return reader.TokenType;
            }
            name = null;
            if (final) return null;
            Commit(ref reader);
            Fill();
        }
    }

    /// <summary>
    /// Reads the next element of the list being read: <paramref name="item"/> is its value (null
    /// for JSON null) and the result true, or false at the list's end.
    /// </summary>
    /// <exception cref="ItemException">The element is not valid JSON or not a <paramref name="type"/>.</exception>
    public bool ReadItem(Type type, JsonSerializerOptions options, bool skip, out object? item)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            var itemStart = start;
            var deserializing = false;
            try
            {
                if (!reader.Read())
                {
                    if (final) throw new JsonException("Expected a value or the end of the list, not the end of the data.");
                    Fill();
                    continue;
                }
                itemStart = start + (int)reader.TokenStartIndex;
                TokenOffset = bufferOffset + itemStart;
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    Commit(ref reader);
                    item = null;
                    return false;
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var probe = reader;
                    bool complete;
                    try
                    {
                        complete = probe.TrySkip();
                    }
                    catch (JsonException e)
                    {
                        // The reader carries line numbers across the file: this one is where the file has it.
                        throw new ItemException(e, buffer.AsSpan(itemStart, end - itemStart).ToArray(), e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
                    }
                    if (!complete)
                    {
                        Fill();
                        continue;
                    }
                    if (skip)
                    {
                        Commit(ref probe);
                        item = null;
                        return true;
                    }
                }
                deserializing = !skip;
                item = skip ? null : JsonSerializer.Deserialize(ref reader, type, options);
                Commit(ref reader);
                return true;
            }
            catch (JsonException e) when (!deserializing)
            {
                // The reader carries line numbers across the file: this one is where the file has it.
                throw new ItemException(e, buffer.AsSpan(itemStart, end - itemStart).ToArray(), e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            }
            catch (JsonException e)
            {
                // The serializer reads the item alone: its line and position count from the item's first byte.
                var (line, position) = Locate(bufferOffset + itemStart);
                var (inLine, inPosition) = (e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
                throw new ItemException(e, buffer.AsSpan(itemStart, end - itemStart).ToArray(),
                    line + inLine, inLine == 0 ? position + inPosition : inPosition);
            }
        }
    }

    /// <summary>Skips the value that follows (after a property name).</summary>
    public void SkipValue()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            if (!reader.Read())
            {
                if (final) return;
                Fill();
                continue;
            }
            TokenOffset = bufferOffset + start + reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                Fill();
                continue;
            }
            Commit(ref reader);
            return;
        }
    }

    /// <summary>The 0-based line and byte position in it of a file offset inside the buffer (or just after it).</summary>
    public (long Line, long Position) Locate(long offset)
    {
        var upTo = buffer.AsSpan(0, (int)Math.Clamp(offset - bufferOffset, 0, end));
        var newlines = upTo.Count((byte)'\n');
        var last = upTo.LastIndexOf((byte)'\n');
        return (lines + newlines, last < 0 ? offset - lineStart : offset - (bufferOffset + last + 1));
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        start += (int)reader.BytesConsumed;
        state = reader.CurrentState;
    }

    private void Fill()
    {
        if (start > 0)
        {
            var consumed = buffer.AsSpan(0, start);
            lines += consumed.Count((byte)'\n');
            if (consumed.LastIndexOf((byte)'\n') is >= 0 and var last) lineStart = bufferOffset + last + 1;
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            bufferOffset += start;
            end -= start;
            start = 0;
        }
        if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0) final = true;
        end += read;
    }

    public void Dispose() => stream.Dispose();
}

/// <summary>
/// An item that could not be read: where in the file (0-based line and byte in it), and its bytes
/// from its first token on, to name the problem's path inside it.
/// </summary>
internal sealed class ItemException(JsonException inner, byte[] bytes, long line, long position) : Exception(inner.Message, inner)
{
    public JsonException Json { get; } = inner;

    public byte[] Bytes { get; } = bytes;

    public long Line { get; } = line;

    public long Position { get; } = position;
}
