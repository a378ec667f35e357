using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;

namespace ConflictGraph.Cli;

/// <summary>The JSON files named on the command line: files as given, directories as their *.json files by name.</summary>
public static class InputFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, List<ValidationProblem> problems)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) problems.Add(new ValidationProblem(path, "holds no *.json file"));
                files.AddRange(found);
            }
            else problems.Add(new ValidationProblem(path, "no such file or directory"));
        }
        return files;
    }

    /// <summary>The files named, to be streamed; null (after printing why) when a path names none.</summary>
    public static async Task<JsonFileSource?> OpenAsync(IReadOnlyList<string> paths, TextWriter report)
    {
        var problems = new List<ValidationProblem>();
        var files = Expand(paths, problems);
        if (problems.Count == 0) return new JsonFileSource(files);
        await ReportUnreadAsync(problems, report);
        return null;
    }

    /// <summary>Problems that kept files from being read: the rest of the input was not checked.</summary>
    public static async Task ReportUnreadAsync(IReadOnlyList<ValidationProblem> problems, TextWriter report)
    {
        foreach (var problem in problems) await report.WriteLineAsync(problem.ToString());
        await report.WriteLineAsync($"{problems.Count} problem(s); nothing was checked further");
    }

    /// <summary>"12 nodes, 30 relations" (and facts when there are any).</summary>
    public static string Size(GraphSize size) =>
        $"{size.Nodes} nodes, {size.Relations} relations" + (size.Facts > 0 ? $", {size.Facts} facts" : "");
}
