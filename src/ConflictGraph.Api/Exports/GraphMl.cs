using System.Globalization;
using System.Text;
using System.Xml;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Exports;

/// <summary>
/// A neighbourhood as GraphML 1.0 (namespace http://graphml.graphdrawing.org/xmlns), for Gephi, yEd,
/// Cytoscape or networkx: one directed graph, keys declared before the graph with their types, node
/// ids and edge ends the graph's own ids, relations as edges with their type and claim status. Node
/// data: label, kind, subkind (event kind, place kind, organization kind or stance), dates, coordinates
/// and depth (steps from the node asked for); edge data: the relation's type, id, status and how many
/// statements claim and dispute it. Characters XML cannot hold are written as U+FFFD.
/// </summary>
public static class GraphMl
{
    public const string MediaType = "application/graphml+xml";

    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private static readonly (string Id, string For, string Type)[] Keys =
    [
        ("label", "node", "string"), ("kind", "node", "string"), ("subkind", "node", "string"), ("date_start", "node", "string"),
        ("date_end", "node", "string"), ("latitude", "node", "double"), ("longitude", "node", "double"), ("depth", "node", "int"),
        ("type", "edge", "string"), ("relation_id", "edge", "string"), ("status", "edge", "string"), ("claimed_by", "edge", "int"), ("disputed_by", "edge", "int"),
    ];

    /// <summary>Writes the document in memory (the neighbourhood is bounded and already there), then sends it.</summary>
    public static async Task WriteAsync(Stream body, Neighbourhood graph, string rootId, CancellationToken cancellationToken)
    {
        using var document = new MemoryStream();
        Write(document, graph, rootId, cancellationToken);
        document.Position = 0;
        await document.CopyToAsync(body, cancellationToken);
    }

    private static void Write(Stream output, Neighbourhood graph, string rootId, CancellationToken cancellationToken)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        foreach (var (id, of, type) in Keys)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", of);
            xml.WriteAttributeString("attr.name", id);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", Clean(rootId));
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var (node, depth) in graph.Nodes.Values.OrderBy(n => n.Depth).ThenBy(n => n.Node.Id, StringComparer.Ordinal))
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", Clean(node.Id));
            foreach (var (key, value) in NodeData(node, depth)) Data(xml, key, value);
            xml.WriteEndElement();
            cancellationToken.ThrowIfCancellationRequested();
        }
        foreach (var relation in graph.Relations)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", Clean(relation.Id));
            xml.WriteAttributeString("source", Clean(relation.FromId));
            xml.WriteAttributeString("target", Clean(relation.ToId));
            Data(xml, "type", EnumNames.Of(relation.Type));
            Data(xml, "relation_id", relation.Id);
            Data(xml, "status", EnumNames.Of(relation.Status));
            Data(xml, "claimed_by", relation.ClaimedBy.Count.ToString(CultureInfo.InvariantCulture));
            Data(xml, "disputed_by", relation.DisputedBy.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static IEnumerable<(string Key, string? Value)> NodeData(Node node, int depth)
    {
        yield return ("label", node.Label);
        yield return ("kind", EnumNames.Of(node.Kind));
        var (subkind, date, location) = node switch
        {
            Event e => (EnumNames.Of(e.EventKind), e.Date, (GeoPoint?)null),
            Statement s => (EnumNames.Of(s.Stance), s.Date, null),
            Place p => (EnumNames.Of(p.PlaceKind), null, p.Location),
            Organization o => (EnumNames.Of(o.OrganizationKind), (FuzzyDate?)null, null),
            _ => ((string?)null, null, null),
        };
        yield return ("subkind", subkind);
        yield return ("date_start", date is null ? null : InputText.FormatDate(date.Start));
        yield return ("date_end", date is null ? null : InputText.FormatDate(date.End));
        yield return ("latitude", location?.Latitude.ToString("R", CultureInfo.InvariantCulture));
        yield return ("longitude", location?.Longitude.ToString("R", CultureInfo.InvariantCulture));
        yield return ("depth", depth.ToString(CultureInfo.InvariantCulture));
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null) return;
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(Clean(value));
        xml.WriteEndElement();
    }

    /// <summary>The text with every character XML 1.0 cannot hold replaced by U+FFFD.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
                continue;
            }
            clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return clean.ToString();
    }
}
