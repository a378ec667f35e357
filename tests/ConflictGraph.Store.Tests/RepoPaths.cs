using System.Reflection;

namespace ConflictGraph.Store.Tests;

/// <summary>Paths in the repository this test assembly was built from (see Directory.Build.props).</summary>
public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;
}
