using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.History;

/// <summary>
/// How a change-log entry writes its target, before and after: a node as its seed-format body
/// with <c>nodeKind</c> first; a relation or a fact with its identity, status and every claim
/// (statement, position, characterization), claims by statement id. Compact, and read back by
/// the parse methods exactly as written.
/// </summary>
public static class HistoryJson
{
    // Relation ids hold '->': kept readable, since this JSON only ever travels inside JSON strings.
    private static readonly JsonWriterOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A node from its kind and stored seed-format body (compact JSON, as <see cref="NodeJson"/> writes it).</summary>
    public static string Node(NodeKind kind, string body) =>
        body.Length > 1 && body[0] == '{'
            ? $"{{\"nodeKind\":\"{EnumNames.Of(kind)}\",{body[1..]}"
            : throw new ArgumentException("a node body is a JSON object", nameof(body));

    public static string Node(Node node) => Node(node.Kind, NodeJson.Serialize(node));

    /// <summary>A relation or a fact with its claims.</summary>
    public static string Of(Claimed claimed)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Plain))
        {
            json.WriteStartObject();
            switch (claimed)
            {
                case Relation relation:
                    json.WriteString("id", relation.Id);
                    json.WriteString("type", EnumNames.Of(relation.Type));
                    json.WriteString("fromId", relation.FromId);
                    json.WriteString("toId", relation.ToId);
                    break;
                case Fact fact:
                    json.WriteString("id", fact.Id);
                    json.WriteString("subjectId", fact.SubjectId);
                    json.WriteString("property", fact.Property);
                    json.WriteString("value", fact.Value);
                    break;
            }
            json.WriteString("status", EnumNames.Of(claimed.Status));
            json.WriteStartArray("claims");
            foreach (var claim in claimed.Claims)
            {
                json.WriteStartObject();
                json.WriteString("statementId", claim.StatementId);
                json.WriteString("position", EnumNames.Of(claim.Position));
                if (claim.Characterization is { } word) json.WriteString("characterization", word);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Node ParseNode(string json)
    {
        using var document = JsonDocument.Parse(json);
        return NodeJson.Parse(document.RootElement.GetProperty("nodeKind").GetString()!, json);
    }

    public static Relation ParseRelation(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new Relation(EnumNames.Parse<RelationType>(Text(root, "type")), Text(root, "fromId"), Text(root, "toId"), Claims(root));
    }

    public static Fact ParseFact(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new Fact(Text(root, "subjectId"), Text(root, "property"), Text(root, "value"), Claims(root));
    }

    private static List<Claim> Claims(JsonElement root) =>
        root.GetProperty("claims").EnumerateArray().Select(c => new Claim(
            Text(c, "statementId"), EnumNames.Parse<ClaimPosition>(Text(c, "position")),
            c.TryGetProperty("characterization", out var word) ? word.GetString() : null)).ToList();

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
