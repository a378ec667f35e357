namespace ConflictGraph.Core.Store;

/// <summary>
/// One step of a large write, as a store reports it when the step is done: writing the rows, then
/// what a bulk import does before its commit (the full-text fill, derived tables, each index, the
/// roll-ups) and the commit itself. The names are the store's own words, for people to read.
/// </summary>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="CpuTime">The CPU time (user and system) the whole process used meanwhile: on a busy machine, what the step cost.</param>
public sealed record ImportPhase(string Name, TimeSpan Elapsed, TimeSpan CpuTime);
