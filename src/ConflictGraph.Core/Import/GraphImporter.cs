using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Import;

/// <summary>
/// The one import path (CLI, importGraph mutation, startup seeding). The input is counted (tokenized, not parsed), then
/// read and parsed once: each item is validated and, while no problem has been found, written, in chunks inside one
/// all-or-nothing store transaction (<see cref="GraphChunks(IGraphSource, GraphSize, IGraphStore?)"/>). Validation still reads the whole input and
/// reports every problem; a problem anywhere rolls the transaction back, so nothing is written unless the whole input is
/// valid. Memory holds validation's compact sets and a chunk or two, not the input.
/// </summary>
public static class GraphImporter
{
    /// <exception cref="GraphValidationException">The input has problems; nothing was written.</exception>
    public static Task<ImportResult> ImportAsync(GraphInput input, IGraphStore store, WriteContext? write, CancellationToken cancellationToken) =>
        ImportAsync(new InputSource(input), store, null, write, cancellationToken);

    /// <param name="counted">Called with the input's size once it is counted, before the write starts.</param>
    /// <param name="write">Who writes, and where progress goes; passed to <see cref="IGraphStore.ImportAsync(GraphChunks, WriteContext?, CancellationToken)"/>.</param>
    /// <exception cref="GraphValidationException">The input has problems; nothing was written.</exception>
    public static Task<ImportResult> ImportAsync(
        IGraphSource source, IGraphStore store, Action<GraphSize>? counted, WriteContext? write, CancellationToken cancellationToken) =>
        ImportAsync(source, store, listChanges: true, counted, null, write, cancellationToken);

    /// <param name="listChanges">Whether the result lists each change (see <see cref="GraphChunks.ListsChanges"/>); counts, and the change log, are kept either way.</param>
    /// <param name="validated">Called once validation has read the whole input and found no problem (the write's last chunk is still to come).</param>
    /// <exception cref="GraphValidationException">The input has problems; nothing was written.</exception>
    public static async Task<ImportResult> ImportAsync(
        IGraphSource source, IGraphStore store, bool listChanges, Action<GraphSize>? counted, Action<ValidationResult>? validated, WriteContext? write,
        CancellationToken cancellationToken)
    {
        var size = await source.CountAsync(cancellationToken);
        // A file that cannot be read is reported alone, as validation reports it, and nothing is written.
        if (source.ReadProblems.Count > 0) throw new GraphValidationException((await GraphValidator.ValidateAsync(source, store, cancellationToken)).Problems);
        counted?.Invoke(size);
        var chunks = new GraphChunks(source, size, store) { ListsChanges = listChanges, Validated = validated };
        try
        {
            return await store.ImportAsync(chunks, write, cancellationToken);
        }
        catch (Exception e) when (e is not GraphValidationException and not OperationCanceledException && !chunks.IsValidated)
        {
            // The write stopped before validation had read the whole input (say at a reference to a node that is not
            // there): what the user needs is every problem of the input, so it is validated whole, once more.
            var validation = await GraphValidator.ValidateAsync(source, store, cancellationToken);
            if (validation.Problems.Count > 0) throw new GraphValidationException(validation.Problems);
            if (Explained(e, chunks) is { } problem) throw problem;
            throw;
        }
        catch (Exception e) when (Explained(e, chunks) is { } problem)
        {
            throw problem;
        }
    }

    /// <summary>A write's failure on a valid input that the store changed under it, as a problem with the input; null for any other.</summary>
    private static GraphValidationException? Explained(Exception e, GraphChunks chunks) => e switch
    {
        // A node the batch points at was deleted between validation and the write.
        MissingReferenceException missing => new GraphValidationException([new ValidationProblem("batch", missing.Message)]),
        // Stored under another kind between validation and the write.
        NodeKindConflictException conflict => new GraphValidationException([new ValidationProblem(chunks.PathOf(conflict.Id) ?? "batch", conflict.Message)]),
        _ => null,
    };
}
