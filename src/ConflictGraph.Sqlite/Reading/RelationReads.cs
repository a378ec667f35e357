using ConflictGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Reads relations with their claims: one statement for the relations, one for all their claims.</summary>
internal static class RelationReads
{
    /// <param name="sql">Selects id, type, from_id, to_id (in that order) from relations.</param>
    public static Task<IReadOnlyList<Relation>> QueryAsync(
        SqliteConnection connection, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken,
        SqliteTransaction? transaction = null) =>
        ClaimReads.QueryAsync(connection, transaction, ClaimTable.Relations, sql, bind,
            reader => (Id: reader.GetString(0), Type: EnumNames.Parse<RelationType>(reader.GetString(1)), From: reader.GetString(2), To: reader.GetString(3)),
            row => row.Id, (row, claims) => new Relation(row.Type, row.From, row.To, claims), cancellationToken);
}
