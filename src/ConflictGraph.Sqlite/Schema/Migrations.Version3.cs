namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // Reads that cost what they find, not what the file holds:
    // - counts keeps how many rows there are: relations and facts in all, per node kind (and
    //   kind:sub-kind), relation type, relation status and fact status, so a listing's total and the
    //   stats are one lookup; and per node kind ('span:KIND') the
    //   longest date range in days, which bounds date-window walks (DateWindow). Triggers keep it, so
    //   every writer (imports, deletes with their cascades) does.
    // - nodes_by_kind_sub_kind gains the date, so a sub-kind (an event kind, a stance) is listed by
    //   date from the index.
    private const string Version3 = """
        CREATE TABLE counts (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT, WITHOUT ROWID;

        CREATE TRIGGER nodes_counted AFTER INSERT ON nodes BEGIN
            INSERT INTO counts (key, value) VALUES ('node:' || NEW.kind, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1;
            INSERT INTO counts (key, value) SELECT 'node:' || NEW.kind || ':' || NEW.sub_kind, 1 WHERE NEW.sub_kind IS NOT NULL
                ON CONFLICT (key) DO UPDATE SET value = value + 1;
            INSERT INTO counts (key, value) SELECT 'span:' || NEW.kind, CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)
                WHERE NEW.date_start IS NOT NULL ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value);
        END;
        CREATE TRIGGER nodes_uncounted AFTER DELETE ON nodes BEGIN
            UPDATE counts SET value = value - 1 WHERE key IN ('node:' || OLD.kind, 'node:' || OLD.kind || ':' || OLD.sub_kind);
        END;
        CREATE TRIGGER nodes_recounted AFTER UPDATE OF kind, sub_kind, date_start, date_end ON nodes
            WHEN OLD.kind IS NOT NEW.kind OR OLD.sub_kind IS NOT NEW.sub_kind OR OLD.date_start IS NOT NEW.date_start OR OLD.date_end IS NOT NEW.date_end BEGIN
            UPDATE counts SET value = value - 1 WHERE key IN ('node:' || OLD.kind, 'node:' || OLD.kind || ':' || OLD.sub_kind);
            INSERT INTO counts (key, value) VALUES ('node:' || NEW.kind, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1;
            INSERT INTO counts (key, value) SELECT 'node:' || NEW.kind || ':' || NEW.sub_kind, 1 WHERE NEW.sub_kind IS NOT NULL
                ON CONFLICT (key) DO UPDATE SET value = value + 1;
            INSERT INTO counts (key, value) SELECT 'span:' || NEW.kind, CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)
                WHERE NEW.date_start IS NOT NULL ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value);
        END;
        CREATE TRIGGER relations_counted AFTER INSERT ON relations BEGIN
            INSERT INTO counts (key, value) VALUES ('relations', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1;
            INSERT INTO counts (key, value) VALUES ('relation:' || NEW.type, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1;
            INSERT INTO counts (key, value) VALUES ('status:' || NEW.status, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1;
        END;
        CREATE TRIGGER relations_uncounted AFTER DELETE ON relations BEGIN
            UPDATE counts SET value = value - 1 WHERE key IN ('relations', 'relation:' || OLD.type, 'status:' || OLD.status);
        END;
        CREATE TRIGGER relations_recounted AFTER UPDATE OF status ON relations WHEN OLD.status <> NEW.status BEGIN
            UPDATE counts SET value = value - 1 WHERE key = 'status:' || OLD.status;
            INSERT INTO counts (key, value) VALUES ('status:' || NEW.status, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1;
        END;

        INSERT INTO counts (key, value) SELECT 'node:' || kind, count(*) FROM nodes GROUP BY kind;
        INSERT INTO counts (key, value) SELECT 'node:' || kind || ':' || sub_kind, count(*) FROM nodes WHERE sub_kind IS NOT NULL GROUP BY kind, sub_kind;
        INSERT INTO counts (key, value)
            SELECT 'span:' || kind, max(CAST(julianday(date_end) - julianday(date_start) AS INTEGER)) FROM nodes WHERE date_start IS NOT NULL GROUP BY kind;
        CREATE TRIGGER facts_counted AFTER INSERT ON facts BEGIN
            INSERT INTO counts (key, value) VALUES ('facts', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1;
            INSERT INTO counts (key, value) VALUES ('fact-status:' || NEW.status, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1;
        END;
        CREATE TRIGGER facts_uncounted AFTER DELETE ON facts BEGIN
            UPDATE counts SET value = value - 1 WHERE key IN ('facts', 'fact-status:' || OLD.status);
        END;
        CREATE TRIGGER facts_recounted AFTER UPDATE OF status ON facts WHEN OLD.status <> NEW.status BEGIN
            UPDATE counts SET value = value - 1 WHERE key = 'fact-status:' || OLD.status;
            INSERT INTO counts (key, value) VALUES ('fact-status:' || NEW.status, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1;
        END;

        INSERT INTO counts (key, value) SELECT 'relations', count(*) FROM relations;
        INSERT INTO counts (key, value) SELECT 'relation:' || type, count(*) FROM relations GROUP BY type;
        INSERT INTO counts (key, value) SELECT 'status:' || status, count(*) FROM relations GROUP BY status;
        INSERT INTO counts (key, value) SELECT 'facts', count(*) FROM facts;
        INSERT INTO counts (key, value) SELECT 'fact-status:' || status, count(*) FROM facts GROUP BY status;

        DROP INDEX nodes_by_kind_sub_kind;
        CREATE INDEX nodes_by_kind_sub_kind ON nodes (kind, sub_kind, date_start, id);
        """;
}
