using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Import;

/// <summary>
/// The one import path (CLI, importGraph mutation, startup seeding): a first pass over the input
/// validates everything from compact sets, then a second pass writes it in chunks inside one
/// all-or-nothing store transaction. Nothing is written unless the whole input is valid, and
/// memory holds the sets and one chunk, not the input.
/// </summary>
public static class GraphImporter
{
    /// <exception cref="GraphValidationException">The input has problems; nothing was written.</exception>
    public static Task<ImportResult> ImportAsync(GraphInput input, IGraphStore store, WriteContext? write, CancellationToken cancellationToken) =>
        ImportAsync(new InputSource(input), store, null, write, cancellationToken);

    /// <param name="validated">Called after validation with the number of items about to be written.</param>
    /// <param name="write">Who writes, and where progress goes; passed to <see cref="IGraphStore.ImportAsync(GraphChunks, WriteContext?, CancellationToken)"/>.</param>
    /// <exception cref="GraphValidationException">The input has problems; nothing was written.</exception>
    public static Task<ImportResult> ImportAsync(
        IGraphSource source, IGraphStore store, Action<ValidationResult>? validated, WriteContext? write, CancellationToken cancellationToken) =>
        ImportAsync(source, store, listChanges: true, validated, write, cancellationToken);

    /// <param name="listChanges">Whether the result lists each change (see <see cref="GraphChunks.ListsChanges"/>); counts, and the change log, are kept either way.</param>
    /// <exception cref="GraphValidationException">The input has problems; nothing was written.</exception>
    public static async Task<ImportResult> ImportAsync(
        IGraphSource source, IGraphStore store, bool listChanges, Action<ValidationResult>? validated, WriteContext? write,
        CancellationToken cancellationToken)
    {
        var validation = await GraphValidator.ValidateAsync(source, store, cancellationToken);
        if (validation.Problems.Count > 0) throw new GraphValidationException(validation.Problems);
        validated?.Invoke(validation);
        var chunks = new GraphChunks(source, validation) { ListsChanges = listChanges };
        try
        {
            return await store.ImportAsync(chunks, write, cancellationToken);
        }
        catch (MissingReferenceException e)
        {
            // A node the batch points at was deleted between validation and the write.
            throw new GraphValidationException([new ValidationProblem("batch", e.Message)]);
        }
        catch (NodeKindConflictException e)
        {
            // Stored under another kind between validation and the write.
            throw new GraphValidationException([new ValidationProblem(chunks.PathOf(e.Id) ?? "batch", e.Message)]);
        }
    }
}
