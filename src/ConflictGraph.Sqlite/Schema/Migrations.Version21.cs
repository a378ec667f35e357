namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // Each organization's statements as node_refs rows under it, kept by triggers (OrganizationStatementRefs): its page
    // is one walk of one range, with no list of its people read.
    private static string Version21 => OrganizationStatementRefs.Create;
}
