using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>The statements a write runs for each item, prepared once per transaction and reused with new values.</summary>
internal sealed class WriteCommands : IDisposable
{
    private readonly List<RowStatement> all = [];

    /// <param name="connection">The connection whose open transaction the statements run in.</param>
    /// <param name="searchTable">Where a node's search text goes: the full-text table, or a bulk import's staging table (BulkLoad).</param>
    public WriteCommands(SqliteConnection connection, string searchTable = "search")
    {
        RowStatement Prepare(string sql, params string[] parameters)
        {
            var statement = new RowStatement(connection, sql, parameters);
            all.Add(statement);
            return statement;
        }

        NodeBody = Prepare("SELECT seq, body, kind FROM nodes WHERE id = $id", "$id");
        NodeExists = Prepare("SELECT 1 FROM nodes WHERE id = $id", "$id");
        InsertNode = Prepare(
            "INSERT INTO nodes (id, kind, label, sub_kind, date_start, date_end, body) VALUES ($id, $kind, $label, $sub, $start, $end, $body) " +
            "ON CONFLICT (id) DO NOTHING",
            "$id", "$kind", "$label", "$sub", "$start", "$end", "$body");
        UpdateNode = Prepare(
            "UPDATE nodes SET kind = $kind, label = $label, sub_kind = $sub, date_start = $start, date_end = $end, body = $body WHERE seq = $seq",
            "$seq", "$kind", "$label", "$sub", "$start", "$end", "$body");
        ReportedEvents = Prepare("SELECT target_id FROM refs WHERE node_id = $id AND field = 'eventId'", "$id");
        DeleteReferences = Prepare("DELETE FROM refs WHERE node_id = $id", "$id");
        InsertReference = Prepare("INSERT OR IGNORE INTO refs (node_id, field, target_id) VALUES ($id, $field, $target)", "$id", "$field", "$target");
        DeleteSearch = Prepare("DELETE FROM search WHERE rowid = $seq", "$seq");
        // A staged text is replaced when the batch writes the node again; the full-text table had the old row deleted first.
        InsertSearch = Prepare($"INSERT {(searchTable == "search" ? "" : "OR REPLACE ")}INTO {searchTable} (rowid, text) VALUES ($seq, $text)", "$seq", "$text");
        // The name index is small: a bulk import writes it directly.
        DeleteNames = Prepare($"DELETE FROM {NameIndex.Table} WHERE rowid = $seq", "$seq");
        InsertNames = Prepare($"INSERT INTO {NameIndex.Table} (rowid, text) VALUES ($seq, $text)", "$seq", "$text");
        InsertRelation = Prepare(
            // Each end's seq goes in with the relation (schema 15): the relation indexes carry the far end's, so a read reaches that node by seq.
            "INSERT INTO relations (id, type, from_id, to_id, status, from_seq, to_seq) VALUES ($id, $type, $from, $to, $status, " +
            "(SELECT seq FROM nodes WHERE id = $from), (SELECT seq FROM nodes WHERE id = $to)) ON CONFLICT DO NOTHING",
            "$id", "$type", "$from", "$to", "$status");
        RelationClaims = Prepare("SELECT statement_id, disputes, characterization FROM claims WHERE relation_id = $id", "$id");
        UpsertClaim = Prepare(
            "INSERT INTO claims (relation_id, statement_id, disputes, characterization) VALUES ($id, $statement, $disputes, $characterization) " +
            "ON CONFLICT (relation_id, statement_id) DO UPDATE SET disputes = excluded.disputes, characterization = excluded.characterization",
            "$id", "$statement", "$disputes", "$characterization");
        UpdateStatus = Prepare("UPDATE relations SET status = $status WHERE id = $id", "$id", "$status");
        InsertFact = Prepare(
            "INSERT INTO facts (id, subject_id, property, value, status) VALUES ($id, $subject, $property, $value, $status) ON CONFLICT DO NOTHING",
            "$id", "$subject", "$property", "$value", "$status");
        FactClaims = Prepare("SELECT statement_id, disputes, characterization FROM fact_claims WHERE fact_id = $id", "$id");
        UpsertFactClaim = Prepare(
            "INSERT INTO fact_claims (fact_id, statement_id, disputes, characterization) VALUES ($id, $statement, $disputes, $characterization) " +
            "ON CONFLICT (fact_id, statement_id) DO UPDATE SET disputes = excluded.disputes, characterization = excluded.characterization",
            "$id", "$statement", "$disputes", "$characterization");
        UpdateFactStatus = Prepare("UPDATE facts SET status = $status WHERE id = $id", "$id", "$status");
    }

    public RowStatement NodeBody { get; }
    public RowStatement NodeExists { get; }
    public RowStatement InsertNode { get; }
    public RowStatement UpdateNode { get; }
    public RowStatement ReportedEvents { get; }
    public RowStatement DeleteReferences { get; }
    public RowStatement InsertReference { get; }
    private RowStatement DeleteSearch { get; }
    private RowStatement InsertSearch { get; }
    private RowStatement DeleteNames { get; }
    private RowStatement InsertNames { get; }
    public RowStatement InsertRelation { get; }
    public RowStatement RelationClaims { get; }
    public RowStatement UpsertClaim { get; }
    public RowStatement UpdateStatus { get; }
    public RowStatement InsertFact { get; }
    public RowStatement FactClaims { get; }
    public RowStatement UpsertFactClaim { get; }
    public RowStatement UpdateFactStatus { get; }

    /// <summary>Removes a stored node's full-text rows (its search text, and its names when its kind has them).</summary>
    public void DeleteSearchRows(long seq, string kind)
    {
        DeleteSearch.With(seq).Run();
        if (NameIndex.Holds(kind)) DeleteNames.With(seq).Run();
    }

    /// <summary>Writes a node's full-text rows, after <see cref="DeleteSearchRows"/> when it was stored before.</summary>
    public void InsertSearchRows(long seq, NodeRow row)
    {
        InsertSearch.With(seq, row.SearchText).Run();
        if (row.Names is { } names) InsertNames.With(seq, names).Run();
    }

    public void Dispose()
    {
        foreach (var command in all) command.Dispose();
    }
}
