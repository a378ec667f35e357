using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// The file's schema, versioned by <c>PRAGMA user_version</c>: each step runs once, in order, in
/// one transaction with the version bump, when a file is opened.
/// </summary>
internal static partial class Migrations
{
    /// <summary>Each version's SQL, and for some a step in code run after it in the same transaction.</summary>
    private static readonly (string Sql, Action<SqliteConnection, SqliteTransaction>? Then)[] Steps =
        [(Version1, null), (Version2, null), (Version3, null), (Version4, null), (Version5, null), (Version6, EventRollup.Rebuild), (Version7, null), (Version8, null), (Version9, null), (Version10, null), (Version11, NameIndex.Rebuild), (Version12, null), (Version13, null), (Version14, null), (Version15, null), (Version16, null), (Version17, null), (Version18, null), (Version19, null), (Version20, null), (Version21, null), (Version22, null), (Version23, null)];

    public static int Latest => Steps.Length;

    public static void Apply(SqliteConnection connection) => Apply(connection, Latest);

    /// <summary>Migrates up to <paramref name="target"/> only (tests build files as older builds left them).</summary>
    internal static void Apply(SqliteConnection connection, int target)
    {
        // The version is read before anything is written: a file from a newer build is left exactly as it was.
        var current = UserVersion(connection);
        if (current > Latest)
            throw new StoreUnavailableException(
                $"the database file has schema version {current}, newer than this build's {Latest}; use a newer ConflictGraph");
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        for (var version = current; version < target; version++)
        {
            using var transaction = connection.BeginTransaction();
            // Statement by statement, so a step whose later statement fails is rolled back whole (Statements.Execute).
            connection.Execute(Steps[version].Sql + $"\nPRAGMA user_version = {version + 1};", transaction);
            Steps[version].Then?.Invoke(connection, transaction);
            transaction.Commit();
        }
    }

    public static int UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    // nodes.seq is stable (the search index's rowid); nodes.body is the node in the seed format; the other columns exist to be filtered and sorted on.
    // refs holds every field of a node that names another node (speaker, source, about, ...).
    private const string Version1 = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
        INSERT INTO meta (key, value) VALUES ('data_version', 0);

        CREATE TABLE nodes (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            sub_kind TEXT,
            date_start TEXT,
            date_end TEXT,
            body TEXT NOT NULL
        ) STRICT;
        CREATE INDEX nodes_by_kind ON nodes (kind, id);
        CREATE INDEX nodes_by_kind_date ON nodes (kind, date_start, id);
        CREATE INDEX nodes_by_kind_sub_kind ON nodes (kind, sub_kind, id);

        CREATE TABLE refs (
            node_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            target_id TEXT NOT NULL,
            PRIMARY KEY (node_id, field, target_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX refs_by_target ON refs (target_id, field, node_id);

        CREATE TABLE relations (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            from_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
            to_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            UNIQUE (type, from_id, to_id)
        ) STRICT;
        CREATE INDEX relations_from ON relations (from_id, type);
        CREATE INDEX relations_to ON relations (to_id, type);
        CREATE INDEX relations_by_type ON relations (type, id);

        CREATE TABLE claims (
            relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
            statement_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
            disputes INTEGER NOT NULL,
            PRIMARY KEY (relation_id, statement_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX claims_by_statement ON claims (statement_id, relation_id);

        -- one row per node, rowid = nodes.seq, holding the node's folded names and text
        CREATE VIRTUAL TABLE search USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
        """;

    // The claims model: a claim's characterization (the speaker's word), facts (claimed attributes
    // of nodes, identified by subject, property and value) with their claims, both readable from
    // either side through an index, and statuses indexed so disputed relations and facts are found
    // without a scan. Existing claims keep their position and get no characterization; no fact
    // exists yet. codings holds the core's coding table (CodingTable), refreshed at every open.
    private const string Version2 = """
        ALTER TABLE claims ADD COLUMN characterization TEXT;
        CREATE INDEX relations_by_status ON relations (status, id);

        CREATE TABLE facts (
            id TEXT PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
            property TEXT NOT NULL,
            value TEXT NOT NULL,
            status TEXT NOT NULL,
            UNIQUE (subject_id, property, value)
        ) STRICT;
        CREATE INDEX facts_by_property ON facts (property, id);
        CREATE INDEX facts_by_status ON facts (status, id);

        CREATE TABLE fact_claims (
            fact_id TEXT NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
            statement_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
            disputes INTEGER NOT NULL,
            characterization TEXT,
            PRIMARY KEY (fact_id, statement_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX fact_claims_by_statement ON fact_claims (statement_id, fact_id);

        -- subject EVENT or STATEMENT; value an EventKind or Stance name, as nodes.sub_kind holds it
        CREATE TABLE codings (
            subject TEXT NOT NULL,
            value TEXT NOT NULL,
            scheme TEXT NOT NULL,
            code TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (subject, value, scheme)
        ) STRICT, WITHOUT ROWID;
        """;
}
