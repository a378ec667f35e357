using ConflictGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Reads facts with their claims: one statement for the facts, one for all their claims.</summary>
internal static class FactReads
{
    /// <summary>The columns every fact query selects, in the order <see cref="QueryAsync"/> reads them (alias f).</summary>
    public const string Fields = "f.id, f.subject_id, f.property, f.value";

    /// <summary>Selects <see cref="Fields"/> from the facts table.</summary>
    public const string Columns = $"SELECT {Fields} FROM facts f";

    /// <param name="sql">Selects <see cref="Columns"/>.</param>
    public static Task<IReadOnlyList<Fact>> QueryAsync(
        SqliteConnection connection, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken,
        SqliteTransaction? transaction = null) =>
        ClaimReads.QueryAsync(connection, transaction, ClaimTable.Facts, sql, bind,
            reader => (Id: reader.GetString(0), Subject: reader.GetString(1), Property: reader.GetString(2), Value: reader.GetString(3)),
            row => row.Id, (row, claims) => new Fact(row.Subject, row.Property, row.Value, claims), cancellationToken);
}
