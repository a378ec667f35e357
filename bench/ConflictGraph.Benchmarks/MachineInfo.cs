using System.Runtime.InteropServices;

namespace ConflictGraph.Benchmarks;

/// <summary>The machine a run was measured on, as BENCHMARKS.md states it.</summary>
public sealed record MachineInfo(string Cpu, int Cores, long MemoryBytes, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        Cpu: ReadProc("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Cores: Environment.ProcessorCount,
        MemoryBytes: long.TryParse(ReadProc("/proc/meminfo", "MemTotal")?.Split(' ')[0], out var kb) ? kb * 1024 : 0,
        Os: RuntimeInformation.OSDescription,
        Runtime: RuntimeInformation.FrameworkDescription);

    public override string ToString() =>
        $"{Cpu}, {Cores} logical cores, {MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB memory, {Os}, {Runtime}";

    private static string? ReadProc(string file, string key)
    {
        if (!File.Exists(file)) return null;
        return File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
    }
}
