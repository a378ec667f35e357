namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // An organization's statements include those it spoke itself (Membership.BySelf). The count (OrganizationStatements, one row
    // an organization) is derived again by the rule; the node_refs rows (OrganizationStatementRefs) gain those of the statements
    // organizations spoke, the rule having only gained that way (deriving them all again took about 70 s at 1M events in
    // schema 21's step). The triggers of both are made again, two more following organizations' nodes rows: the old ones are
    // dropped first (their texts changed, their names did not).
    private static string Version23 => $"""
        {string.Concat(OrganizationStatements.Triggers.Concat(OrganizationStatementRefs.Triggers).Select(t => $"DROP TRIGGER IF EXISTS {t};\n"))}
        {OrganizationStatements.Create}
        {OrganizationStatementRefs.FillSpokenByThemselves}
        {OrganizationStatementRefs.CreateTriggers}
        """;
}
