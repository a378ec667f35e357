namespace ConflictGraph.Core.Import;

/// <summary>
/// Which file each item of a merged input came from, so a problem found at <c>events[1204]</c>
/// of the merged batch can be shown as <c>seed/events.json: events[3]</c>.
/// </summary>
public sealed class InputOrigins
{
    private readonly Dictionary<string, List<(int Start, string File)>> _sections = new(StringComparer.Ordinal);

    /// <summary>Items from <paramref name="start"/> on in <paramref name="section"/> came from <paramref name="file"/>.</summary>
    public void Add(string section, int start, string file)
    {
        if (!_sections.TryGetValue(section, out var segments)) _sections[section] = segments = [];
        segments.Add((start, file));
    }

    /// <summary>The path as the user's file knows it: <c>file: section[indexInFile].rest</c>.</summary>
    public string Locate(string path)
    {
        var open = path.IndexOf('[');
        var close = open < 0 ? -1 : path.IndexOf(']', open);
        if (close < 0 || !_sections.TryGetValue(path[..open], out var segments)) return path;
        if (!int.TryParse(path.AsSpan(open + 1, close - open - 1), out var index)) return path;
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var (start, file) = segments[i];
            if (index >= start) return $"{file}: {path[..open]}[{index - start}]{path[(close + 1)..]}";
        }
        return path;
    }
}
