using System.Globalization;
using System.Text;

namespace ConflictGraph.Benchmarks;

/// <summary>The Results block's account of how warm each size's store was in the OS cache when its rows ran.</summary>
public static class StoreCacheReport
{
    /// <summary>The header's sentence on the policy, so a reader knows which store state the figures are of.</summary>
    public static string Policy(StoreCachePolicy policy) => policy switch
    {
        StoreCachePolicy.Read => "**OS cache**: each size's store is read through the OS cache once, in order, as `cat` does (`--store-cache read`, the default), " +
                                 "at the size's start and again right before each mode's rows, so a store left alone while another size ran is not " +
                                 "partly on disk again when its rows run (this machine's kernel pages a file page out about a minute after its last use); " +
                                 "the table below the results gives the share of the file cached before and after each read and at the end of each mode's rows.",
        _ => "**OS cache**: each size's store is measured as the runs before left it (`--store-cache as-left`): nothing reads it first, so a store " +
             "left alone for more than a minute (the 1M store while the 10k rows ran) is partly on disk again; the table below the results gives " +
             "the share of the file cached at the start and end of each mode's rows.",
    };

    public static void Append(StringBuilder text, StoreCachePolicy policy, IReadOnlyList<StoreCacheStep> steps)
    {
        if (steps.Count == 0) return;
        text.AppendLine("OS cache of each size's store: the share of the file the page cache held (Linux `mincore` over a read-only mapping), " +
                        (policy == StoreCachePolicy.Read
                            ? "before the store was read through (`--store-cache read`), once the rows began, and at their end."
                            : "at the start and the end of the rows; the store was not read first (`--store-cache as-left`)."));
        text.AppendLine();
        text.AppendLine("| Events | rows | cached before | read through | cached at the start | cached at the end |");
        text.AppendLine("|---:|---|---:|---|---:|---:|");
        foreach (var step in steps)
        {
            var read = step.Read is { } r
                ? string.Create(CultureInfo.InvariantCulture, $"{CacheReading.Gib(r.Bytes)} in {r.Elapsed.TotalSeconds:F1} s")
                : "not read (as left)";
            text.AppendLine($"| {step.Events:N0} | {step.Rows} | {Cell(step.Found)} | {read} | {Cell(step.Start)} | {(step.End is { } end ? Cell(end) : "")} |");
        }
        text.AppendLine();
    }

    private static string Cell(CacheReading reading) => reading.ToString().Replace("|", "\\|").Replace("\n", " ");
}
