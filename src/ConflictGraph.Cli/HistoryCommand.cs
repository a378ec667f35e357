using System.CommandLine;
using System.Globalization;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli;

/// <summary>
/// <c>history compact --before DATE</c>: folds change-log entries older than DATE by the core's
/// compaction rule (creations, deletions and withdrawals stay) and says what it removed.
/// </summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var before = new Option<string>("--before")
        {
            Description = "fold entries written before this date (2026-11-01, midnight UTC) or instant (2026-11-01T12:00:00+02:00)",
            Required = true,
        };
        before.Validators.Add(r =>
        {
            if (Cutoff(r.GetValueOrDefault<string>()) is null)
                r.AddError($"--before '{r.GetValueOrDefault<string>()}' is not a date (YYYY-MM-DD) or an instant with its offset");
        });
        var compact = new Command("compact",
            "fold old updates and claim changes into the entries before them, so the log keeps each target's life in outline; " +
            "every creation, deletion and withdrawal stays, and so does the newest entry")
        {
            before,
        };
        compact.SetAction((result, cancellationToken) => StoreSession.RunAsync(result, StoreUse.ReadExisting, async (store, output) =>
        {
            var cutoff = Cutoff(result.GetValue(before))!.Value;
            var done = await store.CompactHistoryAsync(cutoff, cancellationToken);
            var when = cutoff.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            if (done.RemovedTotal == 0)
                await output.WriteLineAsync($"nothing to fold before {when}; the log holds {done.Remaining} entries");
            else
            {
                var kinds = done.Removed.OrderBy(k => k.Key).Select(k => $"{EnumNames.Of(k.Key)} {k.Value}");
                await output.WriteLineAsync($"removed {done.RemovedTotal} entries written before {when}: {string.Join(", ", kinds)}");
                await output.WriteLineAsync($"kept every creation, deletion and withdrawal; the log holds {done.Remaining} entries");
            }
            return Usage.Done;
        }, cancellationToken));
        return new Command("history", "the store's change log") { compact };
    }

    /// <summary>A date is its midnight in UTC; an instant must say its offset, so the cut is never a guess.</summary>
    private static DateTimeOffset? Cutoff(string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var time = text.IndexOf('T');
        var offsetGiven = time > 0 && (text.EndsWith('Z') || text.AsSpan(time).IndexOfAny('+', '-') >= 0);
        return offsetGiven && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
    }
}
