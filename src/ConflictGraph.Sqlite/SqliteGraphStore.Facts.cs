using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyList<Fact>> GetFactsAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken)
    {
        if (subjectIds.Count == 0) return [];
        await using var connection = Open(cancellationToken);
        return await FactReads.QueryAsync(connection,
            $"SELECT {FactReads.Fields} FROM {Ids.Driving("$ids")} CROSS JOIN facts f ON f.subject_id = j.value ORDER BY f.id",
            c => Ids.Add(c, "$ids", subjectIds), cancellationToken);
    }

    public async Task<Page<Fact>> FindFactsAsync(FactQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await FactPages.FindAsync(connection, transaction, query, page, cancellationToken);
    }

    public async Task<Citations> GetCitationsAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken)
    {
        if (statementIds.Count == 0) return Citations.Empty;
        await using var connection = Open(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        // The statements drive: claims_by_statement and fact_claims_by_statement, then each relation or fact by its key.
        var relations = await RelationReads.QueryAsync(connection,
            $"SELECT DISTINCT {RelationReads.Columns} FROM {Ids.Driving("$ids")} CROSS JOIN claims c ON c.statement_id = j.value " +
            "CROSS JOIN relations r ON r.id = c.relation_id ORDER BY 1",
            c => Ids.Add(c, "$ids", statementIds), cancellationToken, transaction);
        var facts = await FactReads.QueryAsync(connection,
            $"SELECT DISTINCT {FactReads.Fields} FROM {Ids.Driving("$ids")} CROSS JOIN fact_claims c ON c.statement_id = j.value " +
            "CROSS JOIN facts f ON f.id = c.fact_id ORDER BY 1",
            c => Ids.Add(c, "$ids", statementIds), cancellationToken, transaction);
        return new Citations(relations, facts);
    }

    public async Task<IReadOnlyDictionary<string, EventFamily>> GetEventFamiliesAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var families = eventIds.Distinct().ToDictionary(id => id, _ => (Up: new List<string>(), Down: new List<string>()));
        if (families.Count == 0) return new Dictionary<string, EventFamily>();
        await using var connection = Open(cancellationToken);
        // Up follows PART_OF from the event (relations_from), down towards it (relations_to), one probe
        // by (event, type) per step (see Traversal).
        static string Walk(string name, string far, string table, Func<string, string, string?, string> step) =>
            $"{name}(root, id, depth) AS (SELECT value, value, 0 FROM json_each($ids) " +
            $"UNION SELECT {name}.root, r.{far}, {name}.depth + 1 FROM {name} CROSS JOIN {table} ON {step("r", $"{name}.id", "('PART_OF')")} " +
            $"WHERE {name}.depth < {TraversalLimits.MaxPartOfDepth})";
        await using (var command = connection.Command(
            $"WITH RECURSIVE {Walk("up", "to_id", "relations r", Traversal.Outgoing)}, " +
            $"{Walk("down", "from_id", Traversal.IncomingTable("r"), Traversal.Incoming)} " +
            "SELECT DISTINCT root, id, 0 FROM up WHERE id <> root UNION SELECT DISTINCT root, id, 1 FROM down WHERE id <> root ORDER BY 1, 3, 2"))
        {
            Ids.Add(command, "$ids", families.Keys);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var family = families[reader.GetString(0)];
                (reader.GetInt64(2) == 0 ? family.Up : family.Down).Add(reader.GetString(1));
            }
        }
        return families.ToDictionary(f => f.Key, f => f.Value.Up.Count + f.Value.Down.Count == 0 ? EventFamily.None : new EventFamily(f.Value.Up, f.Value.Down));
    }

    public async IAsyncEnumerable<Fact> ExportFactsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        const int chunk = 1000;
        var after = "";
        while (true)
        {
            var facts = await FactReads.QueryAsync(connection,
                $"{FactReads.Columns} WHERE f.id > $after ORDER BY f.id LIMIT {Statements.Limit(chunk)}",
                c => { c.Parameters.AddWithValue("$after", after); },
                cancellationToken);
            foreach (var fact in facts) yield return fact;
            if (facts.Count < chunk) yield break;
            after = facts[^1].Id;
        }
    }
}
