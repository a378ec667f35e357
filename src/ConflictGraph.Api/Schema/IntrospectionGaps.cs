using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ConflictGraph.Api.Schema;

/// <summary>
/// Fills two gaps in GraphQL.NET 8's introspection that current introspection queries (graphql-js,
/// IDEs) run into: <c>__Type.specifiedByURL</c> (null: none of our scalars has a specification URL)
/// and <c>__Directive.args(includeDeprecated:)</c> (no argument here is deprecated).
/// </summary>
public sealed class IntrospectionGaps : BaseSchemaNodeVisitor
{
    public override void VisitObject(IObjectGraphType type, ISchema schema)
    {
        if (type.Name == "__Directive" && type.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= new QueryArguments();
            args.Arguments.Add(new QueryArgument<BooleanGraphType>
            {
                Name = "includeDeprecated", DefaultValue = false, ResolvedType = new BooleanGraphType(),
            });
        }
        if (type.Name != "__Type" || type.HasField("specifiedByURL")) return;
        type.AddField(new FieldType
        {
            Name = "specifiedByURL",
            Description = "A URL to the specification of a custom scalar; null for every type here.",
            ResolvedType = new StringGraphType(),
            Resolver = new FuncFieldResolver<object?>(_ => null),
        });
    }
}
