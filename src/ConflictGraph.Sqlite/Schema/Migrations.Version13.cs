namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // Each organization's statements, counted once and kept by triggers (OrganizationStatements): the total of an
    // organization's statements reads one row instead of counting the union of its own and its people's statements.
    private static string Version13 => OrganizationStatements.Create;
}
