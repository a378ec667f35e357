namespace ConflictGraph.Store.Tests.Sqlite.Plans;

/// <summary>
/// sqlite_stat1 as a full ANALYZE wrote it for a generated graph of 1,000,000 events
/// (`conflictgraph generate --events 1000000 --seed 1`, imported and migrated): planner statistics
/// of a large graph, without the graph. The generator writes no facts, so the facts rows are
/// set by hand for 200,000 facts with one to two claims each over a few dozen properties. Refresh
/// after adding an index (the test lists what it misses). The change log's rows are set by hand for
/// that import (one entry per node and relation) and a thousand writes. The roll-ups of version 9
/// (event_days, actor_kinds) are set by hand: 15 kinds on 5,500 start days, and 50,000 actors.
/// </summary>
public static class LargeGraphStatistics
{
    public static readonly (string Table, string? Index, string Stat)[] Rows =
    [
        ("claims", "claims", "1654749 1 1"),
        ("claims", "claims_by_statement", "1654749 2 1"),
        ("counts", "counts", "51 1"),
        ("event_places", "event_places", "1000000 1 1"),
        ("event_places", "event_places_by_place", "1000000 359 120 2 1 1"),
        // Each event under its place and the 2-3 places containing that one (schema 16): a country holds 25,000 events.
        ("place_events", "place_events", "3700000 4 1"),
        ("place_events", "place_events_by_date", "3700000 1300 430 2 1 1 1"),
        // Schema 18 (ANALYZE of the two on the migrated 1M store): an event's 3-4 place rows by seq; the kept cells by place, kind and months.
        ("place_events", "place_events_by_seq", "3706019 4"),
        ("place_months", "place_months_cells", "1350294 485 49 1 1"),
        ("places_touched", "places_touched", "1 1"),
        ("event_cube", "event_cube_cells", "57000 5700 6 1"),
        ("event_days", "sqlite_autoindex_event_days_1", "82000 5500 1"),
        ("actor_kinds", "sqlite_autoindex_actor_kinds_1", "100000 50000 7 1"),
        ("event_rollup", "event_rollup", "4000000 1000000 400 1"),
        ("event_rollup", "event_rollup_by_event", "4000000 4 1 1"),
        ("event_rollup", "event_rollup_parts", "900 1 1 1"),
        ("event_rollup", "event_rollup_places", "1000000 390 130 2 2 1 1 1 1 1 1 1 1 1"),
        ("rollup_touched", "rollup_touched", "1 1"),
        ("fact_claims", "fact_claims", "300000 2 1"),
        ("fact_claims", "fact_claims_by_statement", "300000 2 1"),
        ("facts", "facts_by_property", "200000 5000 1"),
        ("facts", "facts_by_status", "200000 50000 1"),
        ("facts", "sqlite_autoindex_facts_1", "200000 1"),
        ("facts", "sqlite_autoindex_facts_2", "200000 3 1 1"),
        ("history", "history_by_target", "5591643 2 1"),
        ("history_batches", "sqlite_autoindex_history_batches_1", "1000 1"),
        ("meta", "sqlite_autoindex_meta_1", "1 1"),
        ("node_refs", "node_refs", "4777714 4 1 1"),
        ("node_refs", "node_refs_by_date", "4777714 5 4 4 2 1 1"),
        ("nodes", "nodes_by_kind", "2483815 413970 1"),
        ("nodes", "nodes_by_kind_date", "2483815 413970 152 1"),
        ("nodes", "nodes_by_kind_sub_kind", "2483815 413970 88708 29 1"),
        ("nodes", "sqlite_autoindex_nodes_1", "2483815 1"),
        ("refs", "refs", "4777714 4 1 1"),
        ("refs", "refs_by_target", "4777714 5 4 1"),
        ("relations", "relations_by_status", "3107828 776957 1"),
        ("relations", "relations_by_type", "3107828 258986 1"),
        ("relations", "relations_from", "3107828 4 2 1 1 1"),
        ("relations", "relations_to", "3107828 4 3 1 1 1"),
        ("relations", "sqlite_autoindex_relations_1", "3107828 1"),
        ("relations", "sqlite_autoindex_relations_2", "3107828 258986 2 1"),
        ("search_config", "search_config", "1 1"),
        ("search_content", null, "2483815"),
        ("search_data", null, "23240"),
        ("search_docsize", null, "2483815"),
        ("search_idx", "search_idx", "2929 113 1"),
    ];
}
