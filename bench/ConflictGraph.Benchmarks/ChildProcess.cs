using System.Diagnostics;
using System.Globalization;

namespace ConflictGraph.Benchmarks;

/// <summary>What a finished child process did: exit code, wall time, peak resident memory, its output.</summary>
/// <param name="CpuTime">User and system CPU the child used (see <see cref="ChildProcess.ChildrenCpu"/>): unlike its wall time, it barely moves with the machine's load.</param>
public sealed record ProcessOutcome(int ExitCode, TimeSpan Elapsed, long PeakResidentBytes, string Output, TimeSpan CpuTime = default);

/// <summary>Starts the repo's own programs as child processes and watches their memory through /proc.</summary>
public static class ChildProcess
{
    public static ProcessStartInfo Dotnet(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    /// <summary>Runs to completion (killed after <paramref name="timeout"/>), polling its peak RSS (VmHWM).</summary>
    public static async Task<ProcessOutcome> RunAsync(ProcessStartInfo info, TimeSpan timeout, bool echo, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = info };
        var output = new System.Text.StringBuilder();
        void Collect(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (echo) Console.WriteLine($"    | {e.Data}");
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        var cpuBefore = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!process.HasExited)
            {
                peak = Math.Max(peak, PeakResidentBytes(process.Id));
                await Task.WhenAny(process.WaitForExitAsync(deadline.Token), Task.Delay(50, deadline.Token));
            }
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}");
        }
        clock.Stop();
        lock (output) return new ProcessOutcome(process.ExitCode, clock.Elapsed, peak, output.ToString(), ChildrenCpu() - cpuBefore);
    }

    /// <summary>
    /// User plus system CPU of every child this process has waited for (getrusage, RUSAGE_CHILDREN): the
    /// difference around one child is that child's, as long as no other child ends meanwhile (the
    /// benchmark runs its imports one at a time, with no service beside them). Zero where getrusage is missing.
    /// </summary>
    public static TimeSpan ChildrenCpu()
    {
        // struct rusage on 64-bit Linux: ru_utime and ru_stime (timeval: seconds, microseconds), then 14 longs.
        var usage = new long[18];
        try
        {
            if (GetResourceUsage(-1, usage) != 0) return TimeSpan.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return TimeSpan.Zero;
        }
        return TimeSpan.FromMicroseconds((usage[0] + usage[2]) * 1_000_000.0 + usage[1] + usage[3]);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, [System.Runtime.InteropServices.Out] long[] usage);

    /// <summary>The kernel's high-water mark of the process's resident memory; 0 once it is gone.</summary>
    public static long PeakResidentBytes(int pid) => StatusBytes(pid, "VmHWM:");

    /// <summary>A memory field of /proc/PID/status (VmRSS:, VmHWM:) in bytes; 0 once the process is gone.</summary>
    public static long StatusBytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
