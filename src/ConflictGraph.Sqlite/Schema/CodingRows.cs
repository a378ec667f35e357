using ConflictGraph.Core.Codings;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// Keeps the codings table equal to the core's <see cref="CodingTable"/> (its coded rows), so SQL can
/// group or filter events by ACLED event type, CAMEO code and so on with a join on
/// <c>codings.subject = 'EVENT' AND codings.value = nodes.sub_kind AND codings.scheme = ...</c>.
/// The table is read on open and rewritten only when this build's table differs.
/// </summary>
internal static class CodingRows
{
    public static void Sync(SqliteConnection connection)
    {
        var wanted = CodingTable.Rows.Where(r => r.Code is not null)
            .Select(r => (r.Subject, r.Value, r.Scheme, Code: r.Code!, r.Label)).Order().ToList();
        var stored = new List<(string, string, string, string, string)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT subject, value, scheme, code, label FROM codings ORDER BY subject, value, scheme";
            using var reader = read.ExecuteReader();
            while (reader.Read()) stored.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        if (stored.Order().SequenceEqual(wanted)) return;

        using var transaction = connection.BeginTransaction();
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM codings";
            clear.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO codings (subject, value, scheme, code, label) VALUES ($subject, $value, $scheme, $code, $label)";
        foreach (var name in new[] { "$subject", "$value", "$scheme", "$code", "$label" }) insert.Parameters.Add(new SqliteParameter(name, null));
        foreach (var (subject, value, scheme, code, label) in wanted)
        {
            insert.Parameters[0].Value = subject;
            insert.Parameters[1].Value = value;
            insert.Parameters[2].Value = scheme;
            insert.Parameters[3].Value = code;
            insert.Parameters[4].Value = label;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
