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

    /// <summary>An event's body as the store keeps it in UTF-8 (an export reads one per row, with no string between).</summary>
    public static Event ParseEvent(ReadOnlySpan<byte> body) => (Event)GraphInputMapper.ToNode(Deserialize<EventInput>(body));

    private static T Deserialize<T>(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize<T>(body, Stored)
        ?? throw new InvalidDataException("a stored node body is null");
}
