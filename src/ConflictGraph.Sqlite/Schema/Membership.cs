namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// Which statements are an organization's, as the tables kept for organizations read it (<see cref="OrganizationStatements"/>'
/// count and, since schema 21, <see cref="OrganizationStatementRefs"/>' rows): those spoken on its behalf, those it spoke
/// itself, and those spoken by its people, a person being one of its people by a MEMBER_OF relation into it or by a role
/// there (a person's organizationId). The rule NodeFilters' organization criterion selects by; the kept tables' tests hold
/// both to it. Since schema 23 an organization is one of its own speakers while its node is stored (<see cref="BySelf"/>): a
/// third way of belonging beside the relation and the role, which comes with the organization's nodes row and goes with it,
/// so the triggers follow it as they follow a membership (a statement's speakerId row may go in before the organization it
/// names, later in the same batch, and an organization's row is deleted before its statements are rewritten without it).
/// </summary>
internal static class Membership
{
    /// <summary>Every (organization_id, person) pair, by relation or by role.</summary>
    public const string Pairs =
        "SELECT r.to_id AS organization_id, r.from_id AS person FROM relations r WHERE r.type = 'MEMBER_OF' " +
        "UNION SELECT o.target_id, o.node_id FROM node_refs o WHERE o.field = 'organizationId' " +
        $"UNION SELECT k.id, k.id FROM nodes k WHERE k.kind = '{Organization}'";

    /// <summary>The kind of node that speaks for itself.</summary>
    public const string Organization = "ORGANIZATION";

    // The unique (type, from, to) index and node_refs' key answer each.
    public static string ByRelation(string person, string organization) =>
        $"EXISTS (SELECT 1 FROM relations r WHERE r.type = 'MEMBER_OF' AND r.from_id = {person} AND r.to_id = {organization})";

    public static string ByRole(string person, string organization) =>
        $"EXISTS (SELECT 1 FROM node_refs o WHERE o.node_id = {person} AND o.field = 'organizationId' AND o.target_id = {organization})";

    /// <summary>The speaker is the organization itself, stored as one (nodes' unique id index answers it).</summary>
    public static string BySelf(string person, string organization) =>
        $"({person} = {organization} AND EXISTS (SELECT 1 FROM nodes k WHERE k.id = {organization} AND k.kind = '{Organization}'))";

    /// <summary>The organizations the speaker belongs to (itself, if it is one), as a SELECT of one column, id.</summary>
    public static string Organizations(string person) =>
        $"SELECT r.to_id AS id FROM relations r WHERE r.type = 'MEMBER_OF' AND r.from_id = {person} " +
        $"UNION SELECT o.target_id FROM node_refs o WHERE o.node_id = {person} AND o.field = 'organizationId' " +
        $"UNION SELECT k.id FROM nodes k WHERE k.id = {person} AND k.kind = '{Organization}'";

    public static string SpokenFor(string statement, string organization) =>
        $"EXISTS (SELECT 1 FROM node_refs b WHERE b.node_id = {statement} AND b.field = 'onBehalfOfId' AND b.target_id = {organization})";

    public static string SpokenByMember(string statement, string organization) =>
        $"EXISTS (SELECT 1 FROM node_refs s WHERE s.node_id = {statement} AND s.field = 'speakerId' " +
        $"AND ({ByRelation("s.target_id", organization)} OR {ByRole("s.target_id", organization)} OR {BySelf("s.target_id", organization)}))";
}
