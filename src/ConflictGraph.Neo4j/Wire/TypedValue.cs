using System.Globalization;
using System.Text.Json;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Neo4j.Wire;

public sealed record Neo4jNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

public sealed record Neo4jRelationship(
    string ElementId, string StartElementId, string EndElementId, string Type, IReadOnlyDictionary<string, object?> Properties);

public sealed record Neo4jPath(IReadOnlyList<Neo4jNode> Nodes, IReadOnlyList<Neo4jRelationship> Relationships);

/// <summary>
/// Reads the Query API's typed JSON (<c>{"$type": "Integer", "_value": "123"}</c>) into exact .NET
/// values: integers as long (never through a double), dates as DateOnly, graph entities as records.
/// </summary>
public static class TypedValue
{
    public static object? Read(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("$type", out var typeElement))
            throw new FormatException($"expected a typed value with $type, got {value.ValueKind}");
        var type = typeElement.GetString();
        var inner = value.TryGetProperty("_value", out var v) ? v : default;
        return type switch
        {
            "Null" => null,
            "Boolean" => inner.GetBoolean(),
            "Integer" => inner.ValueKind == JsonValueKind.String
                ? long.Parse(inner.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                : inner.GetInt64(),
            "Float" => inner.ValueKind == JsonValueKind.String ? ParseFloat(inner.GetString()!) : inner.GetDouble(),
            "String" => inner.GetString(),
            "Base64" => Convert.FromBase64String(inner.GetString()!),
            "Date" => InputText.ParseDate(inner.GetString()) ?? throw new FormatException($"'{inner.GetString()}' is not a Query API Date"),
            "OffsetDateTime" or "ZonedDateTime" or "DateTime" => ParseInstant(inner.GetString()!),
            "LocalDateTime" => DateTime.Parse(inner.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            "Time" or "LocalTime" or "Duration" or "Point" => inner.GetString(),
            "List" => inner.EnumerateArray().Select(Read).ToList(),
            "Map" => Map(inner),
            "Node" => Node(inner),
            "Relationship" => Relationship(inner),
            "Path" => Path(inner),
            _ => throw new FormatException($"unknown Query API value type '{type}'"),
        };
    }

    private static double ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // Zoned values may carry the zone name in brackets after the offset: 2024-01-01T21:40:32+01:00[Europe/Paris].
    private static DateTimeOffset ParseInstant(string text)
    {
        var bracket = text.IndexOf('[');
        return DateTimeOffset.Parse(bracket > 0 ? text[..bracket] : text, CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, object?> Map(JsonElement map) =>
        map.ValueKind == JsonValueKind.Object ? map.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value)) : [];

    private static Neo4jNode Node(JsonElement node) => new(
        node.GetProperty("_element_id").GetString()!,
        node.TryGetProperty("_labels", out var labels) ? labels.EnumerateArray().Select(l => l.GetString()!).ToList() : [],
        node.TryGetProperty("_properties", out var properties) ? Map(properties) : []);

    private static Neo4jRelationship Relationship(JsonElement relationship) => new(
        relationship.GetProperty("_element_id").GetString()!,
        relationship.GetProperty("_start_node_element_id").GetString()!,
        relationship.GetProperty("_end_node_element_id").GetString()!,
        relationship.GetProperty("_type").GetString()!,
        relationship.TryGetProperty("_properties", out var properties) ? Map(properties) : []);

    private static Neo4jPath Path(JsonElement path)
    {
        var elements = path.EnumerateArray().Select(Read).ToList();
        return new Neo4jPath(elements.OfType<Neo4jNode>().ToList(), elements.OfType<Neo4jRelationship>().ToList());
    }
}
