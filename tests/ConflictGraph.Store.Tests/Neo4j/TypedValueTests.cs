using System.Text.Json;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>The Query API's typed JSON values, written by hand from the documented format, read exactly.</summary>
public sealed class TypedValueTests
{
    private static object? Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TypedValue.Read(document.RootElement);
    }

    [Fact]
    public void IntegersBeyondDoublePrecisionStayExact() =>
        Assert.Equal(9_007_199_254_740_993L, Read("""{"$type":"Integer","_value":"9007199254740993"}"""));

    [Theory]
    [InlineData("""{"$type":"Float","_value":"1.5"}""", 1.5)]
    [InlineData("""{"$type":"Float","_value":2.25}""", 2.25)]
    public void FloatsReadFromTextOrNumber(string json, double expected) => Assert.Equal(expected, Read(json));

    [Fact]
    public void ScalarsAndNull()
    {
        Assert.Equal("Kata'ib", Read("""{"$type":"String","_value":"Kata'ib"}"""));
        Assert.Equal(true, Read("""{"$type":"Boolean","_value":true}"""));
        Assert.Null(Read("""{"$type":"Null","_value":null}"""));
        Assert.Equal(new DateOnly(2021, 6, 27), Read("""{"$type":"Date","_value":"2021-06-27"}"""));
        Assert.Equal(new DateTimeOffset(2021, 6, 28, 19, 44, 0, TimeSpan.FromHours(3)), Read("""{"$type":"OffsetDateTime","_value":"2021-06-28T19:44:00+03:00"}"""));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 21, 40, 32, TimeSpan.FromHours(1)), Read("""{"$type":"ZonedDateTime","_value":"2024-01-01T21:40:32+01:00[Europe/Paris]"}"""));
    }

    [Fact]
    public void ListsAndMapsNest()
    {
        var list = Assert.IsType<List<object?>>(Read("""{"$type":"List","_value":[{"$type":"Integer","_value":"1"},{"$type":"List","_value":[{"$type":"String","_value":"x"}]}]}"""));
        Assert.Equal(1L, list[0]);
        Assert.Equal("x", Assert.IsType<List<object?>>(list[1])[0]);
        var map = Assert.IsType<Dictionary<string, object?>>(Read("""{"$type":"Map","_value":{"id":{"$type":"String","_value":"place:syria"},"n":{"$type":"Null","_value":null}}}"""));
        Assert.Equal(("place:syria", null), (map["id"], map["n"]));
    }

    [Fact]
    public void NodesRelationshipsAndPaths()
    {
        const string node = """{"$type":"Node","_value":{"_element_id":"4:db:1","_labels":["Node"],"_properties":{"id":{"$type":"String","_value":"org:kh"}}}}""";
        const string relationship = """{"$type":"Relationship","_value":{"_element_id":"5:db:9","_start_node_element_id":"4:db:1","_end_node_element_id":"4:db:2","_type":"REL","_properties":{"type":{"$type":"String","_value":"CARRIED_OUT"}}}}""";
        var parsedNode = Assert.IsType<Neo4jNode>(Read(node));
        Assert.Equal(("4:db:1", "Node", "org:kh"), (parsedNode.ElementId, parsedNode.Labels[0], parsedNode.Properties["id"]));
        var parsedRelationship = Assert.IsType<Neo4jRelationship>(Read(relationship));
        Assert.Equal(("4:db:1", "4:db:2", "REL", "CARRIED_OUT"),
            (parsedRelationship.StartElementId, parsedRelationship.EndElementId, parsedRelationship.Type, parsedRelationship.Properties["type"]));
        var path = Assert.IsType<Neo4jPath>(Read($$"""{"$type":"Path","_value":[{{node}},{{relationship}},{{node.Replace("4:db:1", "4:db:2")}}]}"""));
        Assert.Equal((2, 1), (path.Nodes.Count, path.Relationships.Count));
    }

    [Fact]
    public void AnUnknownTypeIsAFormatError() =>
        Assert.Throws<FormatException>(() => Read("""{"$type":"Hologram","_value":1}"""));
}
