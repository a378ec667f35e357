using GraphQLParser.AST;

namespace ConflictGraph.Api.Limits;

/// <summary>How large one operation is once every fragment is spread in place.</summary>
/// <param name="Fields">Field selections after expansion (a fragment spread ten times counts ten times).</param>
/// <param name="Aliases">Aliased field selections after expansion.</param>
/// <param name="Depth">The deepest field nesting after expansion.</param>
/// <param name="FragmentNesting">The longest chain of fragments spreading fragments.</param>
public sealed record OperationShape(GraphQLOperationDefinition Operation, long Fields, long Aliases, int Depth, int FragmentNesting)
{
    /// <summary>True for an operation that asks only for <c>__schema</c>, <c>__type</c> or <c>__typename</c>.</summary>
    public bool IntrospectionOnly => Introspects(Operation);

    /// <summary>The one test of an introspection-only operation, which the size and cost limits each hold to their own ceilings.</summary>
    public static bool Introspects(GraphQLOperationDefinition operation) =>
        operation.SelectionSet.Selections.All(s => s is GraphQLField f && f.Name.StringValue.StartsWith("__", StringComparison.Ordinal));

    /// <summary>
    /// The operation as a refusal names it, by what the client sent: one that reads the schema (<c>__schema</c>,
    /// <c>__type</c>) is the introspection operation; one of only <c>__typename</c> fields is held to the same
    /// limits but asked no introspection, so it is named by what it selects.
    /// </summary>
    public string Described => !IntrospectionOnly ? "the operation"
        : Operation.SelectionSet.Selections.All(s => s is GraphQLField { Name.StringValue: "__typename" }) ? "the operation, which selects only __typename,"
        : "the introspection operation";
}

/// <summary>
/// Measures a parsed document before any validation rule walks it. Each fragment is measured
/// once and its size reused at every spread, so ten fragments each spreading the previous one
/// ten times cost ten small walks, not 10^10. Sizes saturate instead of overflowing.
/// </summary>
public static class DocumentShape
{
    /// <summary>Sizes stop growing here; anything this large is refused anyway.</summary>
    public const long Saturated = 1L << 50;

    /// <summary>The longest chain of fragments spreading fragments that is measured; a longer one is refused.</summary>
    public const int MaxFragmentNesting = 64;

    /// <summary>
    /// The response name selected most often in any one selection set, fragments spread in
    /// place. Every pair of such selections is compared by the merge rule, so this bounds its
    /// work. Call it only on an operation whose size is within limits: it expands fragments.
    /// </summary>
    public static (string Name, int Count) MostRepeatedName(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        var worst = ("", 0);
        void Visit(GraphQLSelectionSet set)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var nested = new List<GraphQLSelectionSet>();
            void Flatten(GraphQLSelectionSet part, int chain)
            {
                foreach (var selection in part.Selections)
                {
                    switch (selection)
                    {
                        case GraphQLField field:
                            var name = (field.Alias?.Name ?? field.Name).StringValue;
                            var count = counts[name] = counts.GetValueOrDefault(name) + 1;
                            if (count > worst.Item2) worst = (name, count);
                            if (field.SelectionSet is { } inner) nested.Add(inner);
                            break;
                        case GraphQLInlineFragment inline:
                            Flatten(inline.SelectionSet, chain);
                            break;
                        case GraphQLFragmentSpread spread when chain < MaxFragmentNesting
                            && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                            Flatten(fragment.SelectionSet, chain + 1);
                            break;
                    }
                }
            }
            Flatten(set, 0);
            foreach (var inner in nested) Visit(inner);
        }
        Visit(operation.SelectionSet);
        return worst;
    }

    private readonly record struct Size(long Fields, long Aliases, int Depth, int Nesting);

    public static IReadOnlyList<OperationShape> Measure(GraphQLDocument document, CancellationToken cancellationToken)
    {
        var walk = new Walk(document, cancellationToken);
        return document.Definitions.OfType<GraphQLOperationDefinition>()
            .Select(operation => walk.Of(operation.SelectionSet) is var size
                ? new OperationShape(operation, size.Fields, size.Aliases, size.Depth, size.Nesting)
                : null!)
            .ToList();
    }

    private sealed class Walk(GraphQLDocument document, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>().GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<string, Size> measured = [];
        private readonly HashSet<string> open = [];

        public Size Of(GraphQLSelectionSet? set)
        {
            if (set is null) return default;
            cancellationToken.ThrowIfCancellationRequested();
            var total = default(Size);
            foreach (var selection in set.Selections)
            {
                var part = selection switch
                {
                    GraphQLField field => Field(field),
                    GraphQLInlineFragment inline => Of(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                    _ => default,
                };
                total = new Size(Add(total.Fields, part.Fields), Add(total.Aliases, part.Aliases),
                    Math.Max(total.Depth, part.Depth), Math.Max(total.Nesting, part.Nesting));
            }
            return total;
        }

        private Size Field(GraphQLField field)
        {
            var inner = Of(field.SelectionSet);
            return new Size(Add(inner.Fields, 1), Add(inner.Aliases, field.Alias is null ? 0 : 1), inner.Depth + 1, inner.Nesting);
        }

        private Size Fragment(string name)
        {
            if (measured.TryGetValue(name, out var known)) return known;
            // Unknown and cyclic spreads count nothing here; the validation rules that follow refuse them.
            if (!fragments.TryGetValue(name, out var fragment) || open.Contains(name)) return default;
            // The walk recurses once per fragment in a chain: past this it stops, and the operation is refused.
            if (open.Count >= MaxFragmentNesting) return new Size(0, 0, 0, MaxFragmentNesting + 1);
            open.Add(name);
            var inner = Of(fragment.SelectionSet);
            open.Remove(name);
            var size = inner with { Nesting = Math.Min(inner.Nesting + 1, MaxFragmentNesting + 1) };
            measured[name] = size;
            return size;
        }

        private static long Add(long a, long b) => Math.Min(a + b, Saturated);
    }
}
