using ConflictGraph.Api.Limits;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Whether a document's cost can change with its variables. The cost model reads the arguments
/// <see cref="CostModel.Inputs"/> names (a list's <c>first</c> or <c>last</c>, a path search's
/// <c>maxDepth</c>, the ids of <c>nodes</c>) and leaves out what <c>@skip</c> and <c>@include</c>
/// drop; GraphQL.NET's one other input, an <c>id</c> argument on a list field, exists nowhere in
/// our schema (a schema test keeps it so). Where no variable feeds those, the cost checked on the
/// document's first run holds for every later run. A document with several operations always
/// counts as varying: its cost is that of the operation a request picks.
/// </summary>
public static class CostInputs
{
    public static async ValueTask<bool> VaryWithVariablesAsync(GraphQLDocument document)
    {
        if (document.Definitions.OfType<GraphQLOperationDefinition>().Count() != 1) return true;
        var context = new Context();
        await Finder.Instance.VisitAsync(document, context);
        return context.Found;
    }

    private sealed class Context : IASTVisitorContext
    {
        public bool Found { get; set; }

        public CancellationToken CancellationToken => CancellationToken.None;
    }

    private sealed class Finder : ASTVisitor<Context>
    {
        public static readonly Finder Instance = new();

        protected override ValueTask VisitFieldAsync(GraphQLField field, Context context)
        {
            if (field.Arguments?.Items.Any(a => a.Value is GraphQLVariable && CostModel.Inputs.Contains(a.Name.StringValue)) == true) context.Found = true;
            return base.VisitFieldAsync(field, context);
        }

        protected override ValueTask VisitDirectiveAsync(GraphQLDirective directive, Context context)
        {
            if (directive.Arguments?.Items.Any(a => a.Value is GraphQLVariable) == true) context.Found = true;
            return base.VisitDirectiveAsync(directive, context);
        }
    }
}
