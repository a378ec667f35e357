using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Reads relations with their claims: one statement for the relations, one for all their claims.</summary>
internal static class RelationReads
{
    /// <summary>The columns every relation read selects, in the order <see cref="QueryAsync"/> reads them (alias r).</summary>
    public const string Columns = "r.id, r.type, r.from_id, r.to_id";

    /// <param name="sql">Selects <see cref="Columns"/>.</param>
    /// <param name="withClaims">False when the caller follows the relations to their ends only: their claim lists are left empty.</param>
    /// <param name="cap">The most relations the statement may find (<see cref="ClaimReads.QueryAsync"/>).</param>
    public static Task<IReadOnlyList<Relation>> QueryAsync(
        SqliteConnection connection, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken,
        SqliteTransaction? transaction = null, bool withClaims = true, RowCap? cap = null) =>
        ClaimReads.QueryAsync(connection, transaction, ClaimTable.Relations, sql, bind,
            reader => (Id: reader.GetString(0), Type: EnumNames.Parse<RelationType>(reader.GetString(1)), From: reader.GetString(2), To: reader.GetString(3)),
            row => row.Id, (row, claims) => new Relation(row.Type, row.From, row.To, claims), cancellationToken, withClaims, cap);

    /// <summary>
    /// The columns a walk selects (alias r): a relation's unique (type, from, to) key, which is its id
    /// and lies whole in the relations' unique index, so a walk through that index reads no relation's row.
    /// </summary>
    public const string Keys = "r.type, r.from_id, r.to_id";

    /// <summary>
    /// The relations a walk selecting <see cref="Keys"/> finds, each id formatted from its key as stored, so the walk
    /// reads indexes alone; with their claims unless <paramref name="withClaims"/> is false; up to <paramref name="cap"/>
    /// (<see cref="ClaimReads.QueryAsync"/>).
    /// </summary>
    public static Task<IReadOnlyList<Relation>> KeyedAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, Action<SqliteCommand> bind, bool withClaims, RowCap cap,
        CancellationToken cancellationToken) =>
        ClaimReads.QueryAsync(connection, transaction, ClaimTable.Relations, sql, bind,
            reader => new Relation(EnumNames.Parse<RelationType>(reader.GetString(0)), reader.GetString(1), reader.GetString(2), []),
            relation => relation.Id, (relation, claims) => claims.Count == 0 ? relation : new Relation(relation.Type, relation.FromId, relation.ToId, claims),
            cancellationToken, withClaims, cap);

    /// <summary>Relations by id, with their claims.</summary>
    public static Task<IReadOnlyList<Relation>> ByIdsAsync(
        SqliteConnection connection, IEnumerable<string> ids, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        QueryAsync(connection, $"SELECT {Columns} FROM {Ids.Driving("$ids")} CROSS JOIN relations r ON r.id = j.value",
            c => Ids.Add(c, "$ids", ids), cancellationToken, transaction);
}
