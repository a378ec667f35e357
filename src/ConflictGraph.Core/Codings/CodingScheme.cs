namespace ConflictGraph.Core.Codings;

/// <summary>An external scheme events or statements are coded in, with the version the table follows.</summary>
/// <param name="Id">The scheme's name in <see cref="Coding.Scheme"/>, e.g. ACLED_EVENT_TYPE.</param>
/// <param name="Field">The scheme's own name for what is coded, e.g. ACLED's event_type column.</param>
/// <param name="Version">The codebook the codes were taken from.</param>
public sealed record CodingScheme(string Id, string Field, string Version);

/// <summary>A code of an event kind or a stance in one scheme.</summary>
public sealed record Coding(string Scheme, string Code, string Label);

/// <summary>
/// One cell of the table: the code of a value (an event kind or a stance, by its contract name) in
/// one scheme, or, when no code fits, <see cref="Code"/> null and <see cref="Label"/> saying why.
/// </summary>
public sealed record CodingRow(string Subject, string Value, string Scheme, string? Code, string Label)
{
    public const string EventSubject = "EVENT";
    public const string StatementSubject = "STATEMENT";

    public Coding? Coding => Code is null ? null : new Coding(Scheme, Code, Label);
}
