using ConflictGraph.Core.Import;

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

    /// <summary>Reads the files named; null (after printing why) when any cannot be read.</summary>
    public static async Task<GraphRead?> ReadAsync(IReadOnlyList<string> paths, TextWriter report, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var files = Expand(paths, problems);
        if (problems.Count == 0)
        {
            var read = await GraphInputReader.ReadFilesAsync(files, cancellationToken);
            if (read.Succeeded) return read;
            problems.AddRange(read.Problems);
        }
        foreach (var problem in problems) await report.WriteLineAsync(problem.ToString());
        await report.WriteLineAsync($"{problems.Count} problem(s); nothing was checked further");
        return null;
    }

    public static int Nodes(GraphInput input) =>
        (input.Persons?.Count ?? 0) + (input.Organizations?.Count ?? 0) + (input.Places?.Count ?? 0)
        + (input.Events?.Count ?? 0) + (input.Sources?.Count ?? 0) + (input.Statements?.Count ?? 0);
}
