namespace ConflictGraph.Cli.Generate;

/// <summary>What to generate: how many events, from which seed, and how many events per file.</summary>
public sealed record GenerationSettings(int Events, int Seed, int EventsPerFile = GenerationSettings.DefaultEventsPerFile)
{
    public const int DefaultEventsPerFile = 50_000;

    /// <summary>The first day any generated event may fall on; dates then run forward with the event number.</summary>
    public static readonly DateOnly FirstDay = new(2010, 1, 1);

    public const int SpanDays = 15 * 365;

    public int Countries => Math.Clamp(4 + Events / 25_000, 4, 40);

    public int ArmedGroups => Math.Clamp(Events / 400, 8, 2_500);

    /// <summary>The day event number <paramref name="index"/> (0-based) falls on, before any fuzziness.</summary>
    public DateOnly DayOf(int index) =>
        FirstDay.AddDays((int)((long)index * SpanDays / Math.Max(1, Events)));
}
