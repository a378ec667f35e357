using System.Text;
using System.Text.Json;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

/// <summary>
/// One node as compact seed-format JSON, the way stores keep a node's full body: every field
/// round-trips exactly, and two equal nodes give the same text (so "unchanged" is a string compare).
/// </summary>
public static class NodeJson
{
    private static readonly JsonSerializerOptions Compact = new(GraphJson.Write) { WriteIndented = false };

    /// <summary>The same options, with the inputs' metadata made at build time (<see cref="NodeBodyContext"/>).</summary>
    private static readonly JsonSerializerOptions Stored = new(Compact) { TypeInfoResolver = NodeBodyContext.Default };

    public static string Serialize(Node node)
    {
        var single = GraphInputMapper.ToInput(node);
        return JsonSerializer.Serialize(single, single.GetType(), Compact);
    }

    /// <summary>The same text as <see cref="Serialize"/>, in UTF-8, as the serializer writes it before any string is made.</summary>
    public static byte[] SerializeToUtf8(Node node)
    {
        var single = GraphInputMapper.ToInput(node);
        return JsonSerializer.SerializeToUtf8Bytes(single, single.GetType(), Compact);
    }

    /// <param name="kind">The node kind's contract name, e.g. EVENT.</param>
    public static Node Parse(string kind, string body) => Parse(kind, Encoding.UTF8.GetBytes(body));

    /// <summary>
    /// A node from its body as UTF-8, the way SQLite holds it: reading it so skips a UTF-16 copy of
    /// every body read and the serializer's conversion back (bodies are most of what a read allocates).
    /// </summary>
    /// <param name="kind">The node kind's contract name, e.g. EVENT.</param>
    public static Node Parse(string kind, ReadOnlySpan<byte> body) => EnumNames.Parse<NodeKind>(kind) switch
    {
        NodeKind.Person => GraphInputMapper.ToNode(Deserialize<PersonInput>(body)),
        NodeKind.Organization => GraphInputMapper.ToNode(Deserialize<OrganizationInput>(body)),
        NodeKind.Place => GraphInputMapper.ToNode(Deserialize<PlaceInput>(body)),
        NodeKind.Event => GraphInputMapper.ToNode(Deserialize<EventInput>(body)),
        NodeKind.Source => GraphInputMapper.ToNode(Deserialize<SourceInput>(body)),
        _ => GraphInputMapper.ToNode(Deserialize<StatementInput>(body)),
    };

    /// <summary>
    /// An event's body as the store keeps it in UTF-8 (an export reads one per row, with no string between).
    /// Its fields are read with a plain reader (<see cref="ReadEvent"/>), the serializer's work without its
    /// per-property machinery; a body holding anything that reader does not expect goes to the serializer.
    /// Either way the same input type and the same mapping to the model.
    /// </summary>
    public static Event ParseEvent(ReadOnlySpan<byte> body) => (Event)GraphInputMapper.ToNode(ReadEvent(body) ?? Deserialize<EventInput>(body));

    /// <summary>
    /// The event input the serializer would read from <paramref name="body"/> (<see cref="Stored"/>: exact
    /// camelCase names, the last of a repeated field kept), when the body is one object of only the
    /// fields <see cref="EventInput"/> and <see cref="FuzzyDateInput"/> have, with strings or nulls; null
    /// for anything else (an unknown field, which the serializer skips, or a value it would refuse), so
    /// the serializer decides those as it always has.
    /// </summary>
    internal static EventInput? ReadEvent(ReadOnlySpan<byte> body)
    {
        var json = new Utf8JsonReader(body);
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject) return null;
            var input = new EventInput();
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.ValueTextEquals("date"u8))
                {
                    json.Read();
                    if (json.TokenType == JsonTokenType.Null) input.Date = null;
                    else if (json.TokenType != JsonTokenType.StartObject || ReadDate(ref json) is not { } date) return null;
                    else input.Date = date;
                    continue;
                }
                var field = json.ValueTextEquals("id"u8) ? 0 : json.ValueTextEquals("title"u8) ? 1 : json.ValueTextEquals("kind"u8) ? 2
                    : json.ValueTextEquals("description"u8) ? 3 : -1;
                if (field < 0 || !ReadText(ref json, out var text)) return null;
                if (field == 0) input.Id = text;
                else if (field == 1) input.Title = text;
                else if (field == 2) input.Kind = text;
                else input.Description = text;
            }
            return json.TokenType == JsonTokenType.EndObject && !json.Read() ? input : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FuzzyDateInput? ReadDate(ref Utf8JsonReader json)
    {
        var date = new FuzzyDateInput();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var field = json.ValueTextEquals("start"u8) ? 0 : json.ValueTextEquals("end"u8) ? 1 : json.ValueTextEquals("precision"u8) ? 2
                : json.ValueTextEquals("at"u8) ? 3 : json.ValueTextEquals("text"u8) ? 4 : json.ValueTextEquals("extent"u8) ? 5 : -1;
            if (field < 0 || !ReadText(ref json, out var text)) return null;
            if (field == 0) date.Start = text;
            else if (field == 1) date.End = text;
            else if (field == 2) date.Precision = text;
            else if (field == 3) date.At = text;
            else if (field == 4) date.Text = text;
            else date.Extent = text;
        }
        return json.TokenType == JsonTokenType.EndObject ? date : null;
    }

    /// <summary>The next value when it is a string or null; false for any other token.</summary>
    private static bool ReadText(ref Utf8JsonReader json, out string? text)
    {
        json.Read();
        text = json.TokenType switch
        {
            JsonTokenType.String => json.GetString(),
            JsonTokenType.Null => null,
            _ => "",
        };
        return json.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize<T>(body, Stored)
        ?? throw new InvalidDataException("a stored node body is null");
}
