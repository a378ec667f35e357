using ConflictGraph.Core.History;
using ConflictGraph.Api.Schema;
using GraphQL.Types;

namespace ConflictGraph.Api.History;

public sealed class HistoryEntryGraphType : ObjectGraphType<HistoryEntry>
{
    public HistoryEntryGraphType()
    {
        Name = "HistoryEntry";
        Description = "One entry of the store's append-only change log, written in the same transaction as the change. " +
                      "Nothing is erased: a deleted node or a withdrawn claim stays readable in history.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Position in the log; pass it as 'after' to read or subscribe from here.")
            .Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<DateTimeWithOffsetGraphType>>("at").Description("When the write that made it committed (its batch's time).").Resolve(c => c.Source.Batch.At);
        Field<NonNullGraphType<EnumerationGraphType<HistoryKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("targetId").Description("The node, relation or fact that changed.").Resolve(c => c.Source.TargetId);
        Field<IdGraphType>("statementId").Description("The statement, for claim changes.").Resolve(c => c.Source.StatementId);
        Field<NonNullGraphType<IdGraphType>>("batchId").Description("The write (importGraph call, CLI import, deletion, withdrawal) this change belongs to.")
            .Resolve(c => c.Source.Batch.Id);
        Field<NonNullGraphType<StringGraphType>>("writer").Description("Who wrote it: the name of the write key, 'cli' or 'seed', never the key itself.")
            .Resolve(c => c.Source.Batch.Writer);
        Field<StringGraphType>("before")
            .Description("The target as JSON before the change; null when it was created. A node is its seed-format fields with nodeKind; " +
                         "a relation or fact its identity, status and claims (statementId, position, characterization).")
            .Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Description("The target as JSON after the change, in the same form; null when it was deleted.").Resolve(c => c.Source.After);
    }
}
