namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // Each speaker's statements, counted and kept by triggers (SpeakerStatements): the total of a person's statements reads
    // one row instead of counting the speaker's whole range of node_refs.
    private static string Version19 => SpeakerStatements.Create;
}
