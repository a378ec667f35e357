using static ConflictGraph.Sqlite.Schema.Membership;

namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// Each organization's statements as node_refs rows of their own (schema 21): one row (statement, <see cref="Field"/>,
/// organization) for every statement spoken on the organization's behalf, by the organization itself (since schema 23) or
/// by one of its people (a MEMBER_OF relation into it, or a role there), each statement once, with the statement's kind, first date and seq as every node_refs row
/// carries them (refs_redated keeps those for these rows too). An organization's statements page is then one walk of one
/// range of node_refs_by_date, as a speaker's is: before, the page walked its own statements and then listed its people
/// (their MEMBER_OF relations and roles) and walked each one's statements, and at 1M events those people lists were about
/// 5 of the 12 b-tree pages a nested-counts request read that no connection's cache held. The set is the one
/// <see cref="OrganizationStatements"/> counts (its rule: NodeFilters' organization criterion), of any kind, so a page of
/// another kind reads the same range. Triggers keep the rows beside that count's: a way in (a statement's
/// onBehalfOfId or speakerId row, a membership, a role, the organization's own nodes row) adds the rows not there yet; a way out takes away the rows with no
/// way left. A bulk import drops them and derives the rows with <see cref="Fill"/> once node_refs is derived.
/// </summary>
internal static class OrganizationStatementRefs
{
    /// <summary>The node_refs field of these rows: no node has a field of that name, so no ref of a node's own is one.</summary>
    public const string Field = "organization*";

    /// <summary>The triggers that keep the rows; a bulk import drops and recreates them (DerivedRows.Triggers).</summary>
    public static readonly IReadOnlyList<string> Triggers =
    [
        "organization_statement_refs_spoken_for", "organization_statement_refs_unspoken_for", "organization_statement_refs_spoken",
        "organization_statement_refs_unspoken", "organization_statement_refs_joined", "organization_statement_refs_left",
        "organization_statement_refs_role_taken", "organization_statement_refs_role_left",
        "organization_statement_refs_stored", "organization_statement_refs_unstored",
    ];

    /// <summary>The rows from node_refs and the MEMBER_OF relations (none there before): each organization's statements, each once.</summary>
    public const string Fill = $"""
        INSERT INTO node_refs (node_id, field, target_id, kind, date_start, node_seq)
            SELECT x.node_id, '{Field}', x.target_id, x.kind, x.date_start, x.node_seq FROM node_refs x WHERE x.field = 'onBehalfOfId'
            UNION
            SELECT x.node_id, '{Field}', m.organization_id, x.kind, x.date_start, x.node_seq FROM ({Pairs}) m
            CROSS JOIN node_refs x ON x.target_id = m.person AND x.field = 'speakerId';
        """;

    /// <summary>
    /// The rows of the statements organizations spoke themselves (schema 23), those not there already: with the rows schema 22
    /// kept (the other ways), what <see cref="Fill"/> gives, since the rule only gained a way. Each organization's own range
    /// of speakerId rows, read from nodes' kind index: no walk of every statement.
    /// </summary>
    public const string FillSpokenByThemselves = $"""
        INSERT INTO node_refs (node_id, field, target_id, kind, date_start, node_seq)
            SELECT x.node_id, '{Field}', x.target_id, x.kind, x.date_start, x.node_seq FROM nodes k
            CROSS JOIN node_refs x ON x.target_id = k.id AND x.field = 'speakerId'
            WHERE k.kind = '{Organization}' ON CONFLICT DO NOTHING;
        """;

    /// <summary>The triggers alone (schema 23 makes them again with the rows kept).</summary>
    public static string CreateTriggers => string.Join("\n", TriggerSql);

    /// <summary>The rows, filled, and their triggers; the rows are removed first, so a file a test marked older migrates again.</summary>
    public static string Create => $"""
        DELETE FROM node_refs WHERE field = '{Field}';
        {Fill}
        {string.Join("\n", TriggerSql)}
        """;

    // Whether the statement still belongs to the organization by some way: spoken for it, or by one of its people.
    private static string Belongs(string statement, string organization) =>
        $"({SpokenFor(statement, organization)} OR {SpokenByMember(statement, organization)})";

    // A row for each of the person's statements under the organization (those there already stay as they are).
    private static string AddSpoken(string person, string organization) =>
        $"INSERT INTO node_refs (node_id, field, target_id, kind, date_start, node_seq) " +
        $"SELECT x.node_id, '{Field}', {organization}, x.kind, x.date_start, x.node_seq FROM node_refs x " +
        $"WHERE x.target_id = {person} AND x.field = 'speakerId' ON CONFLICT DO NOTHING;";

    // The organization's rows of the person's statements that no longer belong to it by any way (the trigger runs after the change).
    private static string RemoveSpoken(string person, string organization) =>
        $"DELETE FROM node_refs WHERE target_id = {organization} AND field = '{Field}' AND node_id IN " +
        $"(SELECT x.node_id FROM node_refs x WHERE x.target_id = {person} AND x.field = 'speakerId') " +
        $"AND NOT {Belongs("node_refs.node_id", organization)};";

    private static IEnumerable<string> TriggerSql =>
    [
        Trigger(Triggers[0], "INSERT ON node_refs", "NEW.field = 'onBehalfOfId'",
            "INSERT INTO node_refs (node_id, field, target_id, kind, date_start, node_seq) " +
            $"VALUES (NEW.node_id, '{Field}', NEW.target_id, NEW.kind, NEW.date_start, NEW.node_seq) ON CONFLICT DO NOTHING;"),
        Trigger(Triggers[1], "DELETE ON node_refs", "OLD.field = 'onBehalfOfId'",
            $"DELETE FROM node_refs WHERE node_id = OLD.node_id AND field = '{Field}' AND target_id = OLD.target_id " +
            $"AND NOT {Belongs("OLD.node_id", "OLD.target_id")};"),
        Trigger(Triggers[2], "INSERT ON node_refs", "NEW.field = 'speakerId'",
            "INSERT INTO node_refs (node_id, field, target_id, kind, date_start, node_seq) " +
            $"SELECT NEW.node_id, '{Field}', m.id, NEW.kind, NEW.date_start, NEW.node_seq FROM ({Organizations("NEW.target_id")}) m " +
            "WHERE true ON CONFLICT DO NOTHING;"),
        Trigger(Triggers[3], "DELETE ON node_refs", "OLD.field = 'speakerId'",
            $"DELETE FROM node_refs WHERE node_id = OLD.node_id AND field = '{Field}' AND target_id IN ({Organizations("OLD.target_id")}) " +
            $"AND NOT {Belongs("OLD.node_id", "node_refs.target_id")};"),
        Trigger(Triggers[4], "INSERT ON relations", "NEW.type = 'MEMBER_OF'", AddSpoken("NEW.from_id", "NEW.to_id")),
        Trigger(Triggers[5], "DELETE ON relations", "OLD.type = 'MEMBER_OF'", RemoveSpoken("OLD.from_id", "OLD.to_id")),
        Trigger(Triggers[6], "INSERT ON node_refs", "NEW.field = 'organizationId'", AddSpoken("NEW.node_id", "NEW.target_id")),
        Trigger(Triggers[7], "DELETE ON node_refs", "OLD.field = 'organizationId'", RemoveSpoken("OLD.node_id", "OLD.target_id")),
        // The organization is one of its own speakers while its nodes row is stored (Membership.BySelf).
        Trigger(Triggers[8], "INSERT ON nodes", $"NEW.kind = '{Organization}'", AddSpoken("NEW.id", "NEW.id")),
        Trigger(Triggers[9], "DELETE ON nodes", $"OLD.kind = '{Organization}'", RemoveSpoken("OLD.id", "OLD.id")),
    ];

    private static string Trigger(string name, string on, string when, string body) =>
        $"CREATE TRIGGER IF NOT EXISTS {name} AFTER {on} WHEN {when} BEGIN\n    {body}\nEND;";
}
