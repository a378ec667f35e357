using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Import;

/// <summary>
/// The one import path (CLI, importGraph mutation, startup seeding): validate everything, then
/// write the batch in one all-or-nothing store transaction.
/// </summary>
public static class GraphImporter
{
    /// <exception cref="GraphValidationException">The input has problems; nothing was written.</exception>
    public static Task<ImportResult> ImportAsync(GraphInput input, IGraphStore store, IProgress<int>? progress, CancellationToken cancellationToken) =>
        ImportAsync(input, null, store, progress, cancellationToken);

    /// <param name="origins">Where each item came from, so problems name its file.</param>
    /// <param name="progress">Passed to the store's write; see <see cref="IGraphStore.ImportAsync"/>.</param>
    public static async Task<ImportResult> ImportAsync(
        GraphInput input, InputOrigins? origins, IGraphStore store, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var problems = await GraphValidator.ValidateAsync(input, origins, store, cancellationToken);
        if (problems.Count > 0) throw new GraphValidationException(problems);
        var batch = GraphInputMapper.ToBatch(input);
        try
        {
            return await store.ImportAsync(batch, progress, cancellationToken);
        }
        catch (MissingReferenceException e)
        {
            // A node the batch points at was deleted between validation and the write.
            throw new GraphValidationException([new ValidationProblem("batch", e.Message)]);
        }
    }
}
