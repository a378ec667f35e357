namespace ConflictGraph.Neo4j.Migration;

/// <summary>What is left in the layout before 2026-12: the dry run's answer, and the migration's to-do list.</summary>
public sealed record LegacyCounts(
    IReadOnlyDictionary<string, long> NodesByKind,
    IReadOnlyDictionary<string, long> RelationsByType,
    long Claims,
    long DanglingStatements,
    IReadOnlyList<string> DanglingExamples,
    IReadOnlyList<string> Indexes)
{
    public long Nodes => NodesByKind.Values.Sum();

    public long Relations => RelationsByType.Values.Sum();

    /// <summary>Events in the current layout without a killed tally (written before tallies were kept); every converted event joins them.</summary>
    public long UntalliedEvents { get; init; }

    /// <summary>The events the migration will tally: those without a tally now, and every legacy event it converts.</summary>
    public long EventsToTally => UntalliedEvents + NodesByKind.GetValueOrDefault("EVENT");

    /// <summary>Persons, organizations and places in the current layout without search's names (written before they were kept).</summary>
    public long UnnamedNodes { get; init; }

    /// <summary>True when nothing is left to convert, tally, name or drop.</summary>
    public bool Current => Nodes == 0 && Relations == 0 && Indexes.Count == 0 && UntalliedEvents == 0 && UnnamedNodes == 0;
}

/// <summary>One step of the migration has done <paramref name="Done"/> of <paramref name="Total"/>.</summary>
public sealed record MigrationProgress(string Step, long Done, long Total);

/// <summary>The migration will not start: converting as the data stands would lose something.</summary>
public sealed class MigrationRefusedException(string message) : InvalidOperationException(message);
