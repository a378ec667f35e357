using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import.Sources;

/// <summary>The lists of the seed format, in the order an import takes them: every node section, then relations, then facts.</summary>
public enum GraphSection : byte { Persons, Organizations, Places, Events, Sources, Statements, Relations, Facts }

/// <summary>Names, node kinds and item types of the sections: the one table of the seed format's top level.</summary>
public static class GraphSections
{
    public static readonly IReadOnlyList<GraphSection> All = Enum.GetValues<GraphSection>();

    private static readonly string[] Names = ["persons", "organizations", "places", "events", "sources", "statements", "relations", "facts"];

    private static readonly Type[] ItemTypes =
        [typeof(PersonInput), typeof(OrganizationInput), typeof(PlaceInput), typeof(EventInput), typeof(SourceInput), typeof(StatementInput), typeof(RelationInput), typeof(FactInput)];

    private static readonly NodeKind[] Kinds =
        [NodeKind.Person, NodeKind.Organization, NodeKind.Place, NodeKind.Event, NodeKind.Source, NodeKind.Statement];

    public static string Name(this GraphSection section) => Names[(int)section];

    public static Type ItemType(this GraphSection section) => ItemTypes[(int)section];

    public static bool HoldsNodes(this GraphSection section) => section <= GraphSection.Statements;

    /// <summary>The kind of every node in a node section.</summary>
    public static NodeKind Kind(this GraphSection section) => Kinds[(int)section];

    public static GraphSection? Parse(string name)
    {
        var index = Array.IndexOf(Names, name);
        return index < 0 ? null : (GraphSection)index;
    }
}

/// <summary>Which sections one reading pass takes: the nodes, or the relations and facts between them.</summary>
public enum SectionGroup { Nodes, Links }
