using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>One page of a <see cref="RelationQuery"/>: walks by status, else by type, else all relations (see <see cref="ClaimedPages"/>).</summary>
internal static class RelationPages
{
    private static readonly ClaimedPages.Table<Relation> Table = new("relations", "r", RelationReads.Columns, KeysetPage.Relations,
        (connection, sql, bind, ct, transaction, withClaims) => RelationReads.QueryAsync(connection, sql, bind, ct, transaction, withClaims), r => r.Id);

    public static Task<Page<Relation>> FindAsync(
        SqliteConnection connection, SqliteTransaction transaction, RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        IReadOnlyList<ClaimedPages.Walk> walks =
            query.Statuses is { } statuses ? statuses.Distinct().Select(s => new ClaimedPages.Walk("status", EnumNames.Of(s), $"status:{EnumNames.Of(s)}")).ToList()
            : query.Types is { } types ? types.Distinct().Select(t => new ClaimedPages.Walk("type", EnumNames.Of(t), $"relation:{EnumNames.Of(t)}")).ToList()
            : [new ClaimedPages.Walk(null, null, "relations")];
        var counted = query.Statuses is null || query.Types is null;
        return ClaimedPages.FindAsync(connection, transaction, Table, RelationFilters.For(query), walks, counted, page, cancellationToken);
    }
}
