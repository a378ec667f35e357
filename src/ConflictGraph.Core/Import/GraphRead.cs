namespace ConflictGraph.Core.Import;

/// <summary>
/// What reading one document gave: the input, and the problem that kept it from being read (then
/// the input is empty and must not be imported). Files are read as a stream by <see cref="Sources.JsonFileSource"/> instead.
/// </summary>
public sealed record GraphRead(GraphInput Input, IReadOnlyList<ValidationProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
