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
        catch (NodeKindConflictException e)
        {
            var path = PathOf(input, e.Id);
            throw new GraphValidationException([new ValidationProblem(origins?.Locate(path) ?? path, e.Message)]);
        }
    }

    /// <summary>Where the input gives the node with this id, e.g. <c>organizations[2].id</c>.</summary>
    private static string PathOf(GraphInput input, string id)
    {
        string? Find<T>(List<T>? items, string section, Func<T, string?> idOf)
        {
            var index = items?.FindIndex(item => item is not null && idOf(item) == id) ?? -1;
            return index < 0 ? null : $"{section}[{index}].id";
        }

        return Find(input.Persons, "persons", p => p.Id) ?? Find(input.Organizations, "organizations", o => o.Id)
            ?? Find(input.Places, "places", p => p.Id) ?? Find(input.Events, "events", e => e.Id)
            ?? Find(input.Sources, "sources", s => s.Id) ?? Find(input.Statements, "statements", s => s.Id) ?? "batch";
    }
}
