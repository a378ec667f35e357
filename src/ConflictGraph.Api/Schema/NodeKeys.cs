using ConflictGraph.Core.Model;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace ConflictGraph.Api.Schema;

/// <summary>
/// The one home of the rule for what a node's key answers without its body: <c>id</c>, and <c>__typename</c> (the
/// type follows from the kind). A selection of nothing else is read as keys (<see cref="NodeKey"/>, from an index),
/// also through fragments, inline or named, whose type is the list's own type or <c>Node</c> (every item is one) and
/// which select nothing else; any other field needs the body, and so does a fragment on any other type (it would
/// need the item's type checked against it). Every node type answers id and its type from either.
/// </summary>
public static class NodeKeys
{
    /// <summary>
    /// True when a selection of nodes of <paramref name="listType"/> (the list's item type, by name) asks for nothing but
    /// id and __typename, directly or through fragments on that type or on Node; named fragments are looked up in
    /// <paramref name="document"/>.
    /// </summary>
    public static bool AsksKeysOnly(GraphQLSelectionSet? nodes, string listType, GraphQLDocument document) =>
        KeysOnly(nodes, listType, document, []);

    private static bool KeysOnly(GraphQLSelectionSet? nodes, string listType, GraphQLDocument document, HashSet<GraphQLFragmentDefinition> entered) =>
        nodes is null || nodes.Selections.All(selection => selection switch
        {
            GraphQLField { SelectionSet: null } field => field.Name.Value == "id" || field.Name.Value == "__typename",
            GraphQLInlineFragment inline => OnEveryItem(inline.TypeCondition, listType) && KeysOnly(inline.SelectionSet, listType, document, entered),
            // A fragment already entered on this path adds nothing new (validation refuses cycles; this keeps the walk finite anyway).
            GraphQLFragmentSpread spread => document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment
                && OnEveryItem(fragment.TypeCondition, listType)
                && (!entered.Add(fragment) || KeysOnly(fragment.SelectionSet, listType, document, entered)),
            _ => false,
        });

    /// <summary>A fragment's type condition that every item of the list meets: none, the list's own type, or Node.</summary>
    private static bool OnEveryItem(GraphQLTypeCondition? condition, string listType) =>
        condition is null || condition.Type.Name.Value == listType || condition.Type.Name.Value == NodeInterface.TypeName;

    /// <summary>True when a list field's items (<see cref="IResolveFieldContext.FieldAst"/>) ask for nothing but their keys.</summary>
    public static bool ListAsksKeysOnly(IResolveFieldContext list) =>
        AsksKeysOnly(list.FieldAst.SelectionSet, list.FieldDefinition.ResolvedType!.GetNamedType().Name, list.Document);

    /// <summary>
    /// True when a connection's nodes, under <c>nodes</c> or as each edge's <c>node</c>, ask for nothing but their keys
    /// (also when no node is selected: a connection of totalCount or pageInfo alone).
    /// </summary>
    public static bool PageAsksKeysOnly(IResolveFieldContext connection) =>
        connection.SubFields is not { } selected || selected.Values.All(field => field.FieldType.Name switch
        {
            "nodes" => AsksKeysOnly(field.Field.SelectionSet, field.FieldType.ResolvedType!.GetNamedType().Name, connection.Document),
            "edges" => field.Field.SelectionSet is not { } edge || EdgeNodesAskKeysOnly(edge, (IComplexGraphType)field.FieldType.ResolvedType!.GetNamedType(), connection.Document),
            _ => true,
        });

    private static bool EdgeNodesAskKeysOnly(GraphQLSelectionSet edge, IComplexGraphType edgeType, GraphQLDocument document)
    {
        var nodeType = edgeType.GetField("node")!.ResolvedType!.GetNamedType().Name;
        return edge.Selections.All(s => s is GraphQLField e && (e.Name.Value != "node" || AsksKeysOnly(e.SelectionSet, nodeType, document)));
    }

    /// <summary>Whether a value is a node of <paramref name="kind"/>, read whole or as its key: a node type's IsTypeOf.</summary>
    public static Func<object, bool> IsOfKind(NodeKind kind) => value => value is Node node && node.Kind == kind;

    /// <summary>A node type's id field, resolved from a whole node or its key alike.</summary>
    public static FieldBuilder<TNode, object> IdField<TNode>(this ObjectGraphType<TNode> type) where TNode : Node =>
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(Id);

    /// <summary>Reads the id of the source as a <see cref="Node"/>, never as the type's own record (a key is not one).</summary>
    private static readonly IFieldResolver Id = Fields.FromSource<Node>(node => node.Id);
}
