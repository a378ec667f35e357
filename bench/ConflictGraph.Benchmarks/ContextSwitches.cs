using System.Globalization;
using System.Runtime.InteropServices;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// A process's context switches so far: voluntary (a thread gave up the core, e.g. to wait for a socket) and involuntary
/// (the scheduler took the core from a runnable thread).
/// </summary>
public readonly record struct ContextSwitches(long Voluntary, long Involuntary)
{
    public static ContextSwitches operator -(ContextSwitches after, ContextSwitches before) =>
        new(after.Voluntary - before.Voluntary, after.Involuntary - before.Involuntary);

    /// <summary>
    /// Another process's: the sum over its live threads' /proc/PID/task/TID/status (a thread that ended between two
    /// readings takes its count with it; a service's threads live as long as it does). Zero when it cannot be read.
    /// </summary>
    public static ContextSwitches Of(int pid)
    {
        long voluntary = 0, involuntary = 0;
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return default;
        }
        foreach (var task in tasks)
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal)) voluntary += Field(line);
                    else if (line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal)) involuntary += Field(line);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The thread ended while it was read.
            }
        }
        return new(voluntary, involuntary);
    }

    /// <summary>This process's, ended threads included (getrusage: the load client's workers end with each run).</summary>
    public static ContextSwitches OfSelf()
    {
        // struct rusage on 64-bit Linux: two timevals, then 14 longs; ru_nvcsw and ru_nivcsw are the last two.
        var usage = new long[18];
        try
        {
            return GetResourceUsage(0, usage) == 0 ? new(usage[16], usage[17]) : default;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return default;
        }
    }

    private static long Field(string line) => long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, [Out] long[] usage);
}
