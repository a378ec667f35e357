using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>One page of a <see cref="FactQuery"/>: walks by status, else by property, else all facts (see <see cref="ClaimedPages"/>).</summary>
internal static class FactPages
{
    private static readonly ClaimedPages.Table<Fact> Table = new("facts", "f", FactReads.Fields, KeysetPage.Facts,
        (connection, sql, bind, ct, transaction, withClaims) => FactReads.QueryAsync(connection, sql, bind, ct, transaction), f => f.Id);

    public static Task<Page<Fact>> FindAsync(
        SqliteConnection connection, SqliteTransaction transaction, FactQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        IReadOnlyList<ClaimedPages.Walk> walks =
            query.Statuses is { } statuses ? statuses.Distinct().Select(s => new ClaimedPages.Walk("status", EnumNames.Of(s), $"fact-status:{EnumNames.Of(s)}")).ToList()
            : query.Property is { } property ? [new ClaimedPages.Walk("property", property, null)]
            : [new ClaimedPages.Walk(null, null, "facts")];
        var counted = query.Statuses is null || query.Property is null;
        return ClaimedPages.FindAsync(connection, transaction, Table, FactFilters.For(query), walks, counted, page, cancellationToken);
    }
}
