using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ConflictGraph.Api.Validation;

/// <summary>
/// Parsed documents that passed every validation rule, each with what its operations need at
/// later requests (<see cref="KnownOperation"/>), found at an operation's first use. A document
/// is held only as long as whoever remembered it holds it (the document cache), and one that
/// failed validation is never here.
/// </summary>
public sealed class ValidatedDocuments
{
    private readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<GraphQLOperationDefinition, KnownOperation>> documents = new();

    /// <summary>Remembers a document that has just passed every rule.</summary>
    public void Remember(GraphQLDocument document) => documents.TryAdd(document, new(ReferenceEqualityComparer.Instance));

    /// <summary>The operation of a remembered document, or null for a document not remembered.</summary>
    public KnownOperation? Find(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation) =>
        documents.TryGetValue(document, out var operations)
            ? operations.GetOrAdd(operation, static (operation, state) => new KnownOperation(state.schema, state.document, operation), (schema, document))
            : null;

    /// <summary>Operations known across remembered documents, for tests.</summary>
    public int KnownOperations => documents.Sum(entry => entry.Value.Count);
}
