using static ConflictGraph.Sqlite.Schema.Membership;

namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// How many statements each organization made (schema 13): those spoken on its behalf, those it spoke itself
/// (since schema 23), and those spoken by its people (a MEMBER_OF relation into it, or a role there, a person's
/// organizationId), each statement once: the total of an organization's <c>statements</c>, the rule NodeFilters' organization criterion
/// selects by. Counting that union for each organization of a page cost a sort of all its statements per
/// request (about 0.1 ms for a group, 11 ms for an organization of 19,600 statements at 1M events); the kept
/// count is one row read. Triggers keep it row by row on node_refs (a statement's speaker and organization,
/// a person's roles), on MEMBER_OF relations and on organizations' nodes rows (the organization as its own speaker,
/// <see cref="Membership.BySelf"/>), each change adding or taking away only the statements not
/// already counted through the other path; a bulk import drops them and derives the table with
/// <see cref="Fill"/> (DerivedRows). An organization with none has no row. A node never changes kind
/// (the import refuses it), so node_refs' kind column never moves a row in or out of the count.
/// </summary>
internal static class OrganizationStatements
{
    public const string Table = "organization_statements";

    /// <summary>The kind the kept count counts.</summary>
    public const string Kind = "STATEMENT";

    /// <summary>The triggers that keep the table; a bulk import drops and recreates them (DerivedRows.Triggers).</summary>
    public static readonly IReadOnlyList<string> Triggers =
    [
        "organization_statements_spoken_for", "organization_statements_unspoken_for", "organization_statements_spoken",
        "organization_statements_unspoken", "organization_statements_joined", "organization_statements_left",
        "organization_statements_role_taken", "organization_statements_role_left",
        "organization_statements_stored", "organization_statements_unstored",
    ];

    /// <summary>A statement returning the kept count of the organization in <paramref name="organization"/> (a parameter), 0 when it has none.</summary>
    public static string Count(string organization) =>
        $"SELECT coalesce((SELECT statements FROM {Table} WHERE organization_id = {organization}), 0)";

    /// <summary>The table from the rows (empty before): each organization's statements, each once.</summary>
    public const string Fill = $"""
        INSERT INTO {Table} (organization_id, statements)
            SELECT organization_id, count(*) FROM (
                SELECT x.target_id AS organization_id, x.node_id FROM node_refs x WHERE x.field = 'onBehalfOfId' AND x.kind = '{Kind}'
                UNION
                SELECT m.organization_id, x.node_id FROM ({Pairs}) m
                CROSS JOIN node_refs x ON x.target_id = m.person AND x.field = 'speakerId' AND x.kind = '{Kind}')
            GROUP BY organization_id;
        """;

    /// <summary>The table, filled from the rows, and its triggers; IF NOT EXISTS, so a file this build wrote and a test marked older migrates again.</summary>
    public static string Create => $"""
        CREATE TABLE IF NOT EXISTS {Table} (organization_id TEXT PRIMARY KEY, statements INTEGER NOT NULL) STRICT, WITHOUT ROWID;
        DELETE FROM {Table};
        {Fill}
        {string.Join("\n", TriggerSql)}
        """;

    // The person's statements not spoken on the organization's behalf: those a new way of belonging adds (or a lost one takes away).
    private static string OwnStatements(string person, string organization) =>
        $"SELECT count(*) FROM node_refs x WHERE x.target_id = {person} AND x.field = 'speakerId' AND x.kind = '{Kind}' AND NOT {SpokenFor("x.node_id", organization)}";

    private static string Add(string organization, string amount, string condition) =>
        $"INSERT INTO {Table} (organization_id, statements) SELECT {organization}, {amount} WHERE {condition} " +
        $"ON CONFLICT (organization_id) DO UPDATE SET statements = statements + excluded.statements;";

    private static string Subtract(string organizations, string amount, string condition) =>
        $"UPDATE {Table} SET statements = statements - {amount} WHERE organization_id IN ({organizations}) AND {condition};\n" +
        $"    DELETE FROM {Table} WHERE organization_id IN ({organizations}) AND statements = 0;";

    private static IEnumerable<string> TriggerSql =>
    [
        Trigger(Triggers[0], "INSERT ON node_refs", $"NEW.kind = '{Kind}' AND NEW.field = 'onBehalfOfId'",
            Add("NEW.target_id", "1", $"NOT {SpokenByMember("NEW.node_id", "NEW.target_id")}")),
        Trigger(Triggers[1], "DELETE ON node_refs", $"OLD.kind = '{Kind}' AND OLD.field = 'onBehalfOfId'",
            Subtract("OLD.target_id", "1", $"NOT {SpokenByMember("OLD.node_id", "OLD.target_id")}")),
        Trigger(Triggers[2], "INSERT ON node_refs", $"NEW.kind = '{Kind}' AND NEW.field = 'speakerId'",
            $"INSERT INTO {Table} (organization_id, statements) SELECT m.id, 1 FROM ({Organizations("NEW.target_id")}) m " +
            $"WHERE NOT {SpokenFor("NEW.node_id", "m.id")} ON CONFLICT (organization_id) DO UPDATE SET statements = statements + 1;"),
        Trigger(Triggers[3], "DELETE ON node_refs", $"OLD.kind = '{Kind}' AND OLD.field = 'speakerId'",
            Subtract(Organizations("OLD.target_id"), "1", $"NOT {SpokenFor("OLD.node_id", "organization_id")}")),
        Trigger(Triggers[4], "INSERT ON relations", "NEW.type = 'MEMBER_OF'",
            Add("NEW.to_id", $"({OwnStatements("NEW.from_id", "NEW.to_id")})", $"NOT {ByRole("NEW.from_id", "NEW.to_id")}") + Pruned("NEW.to_id")),
        Trigger(Triggers[5], "DELETE ON relations", "OLD.type = 'MEMBER_OF'",
            Subtract("OLD.to_id", $"({OwnStatements("OLD.from_id", "OLD.to_id")})", $"NOT {ByRole("OLD.from_id", "OLD.to_id")}")),
        Trigger(Triggers[6], "INSERT ON node_refs", "NEW.field = 'organizationId'",
            Add("NEW.target_id", $"({OwnStatements("NEW.node_id", "NEW.target_id")})", $"NOT {ByRelation("NEW.node_id", "NEW.target_id")}") + Pruned("NEW.target_id")),
        Trigger(Triggers[7], "DELETE ON node_refs", "OLD.field = 'organizationId'",
            Subtract("OLD.target_id", $"({OwnStatements("OLD.node_id", "OLD.target_id")})", $"NOT {ByRelation("OLD.node_id", "OLD.target_id")}")),
        // The organization stored: what it spoke itself counts (its speakerId rows may have gone in first, in the same batch).
        Trigger(Triggers[8], "INSERT ON nodes", $"NEW.kind = '{Membership.Organization}'",
            Add("NEW.id", $"({OwnStatements("NEW.id", "NEW.id")})", "true") + Pruned("NEW.id")),
        // The organization deleted: what it spoke stops counting now, its statements being rewritten without it afterwards.
        Trigger(Triggers[9], "DELETE ON nodes", $"OLD.kind = '{Membership.Organization}'",
            Subtract("OLD.id", $"({OwnStatements("OLD.id", "OLD.id")})", "true")),
    ];

    // A person without statements who joins adds 0: no row for an organization with none, as Fill leaves it.
    private static string Pruned(string organization) => $"\n    DELETE FROM {Table} WHERE organization_id = {organization} AND statements = 0;";

    private static string Trigger(string name, string on, string when, string body) =>
        $"CREATE TRIGGER IF NOT EXISTS {name} AFTER {on} WHEN {when} BEGIN\n    {body}\nEND;";
}
