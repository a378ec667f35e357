namespace ConflictGraph.Neo4j.Wire;

/// <summary>The rows one statement returned, by field name.</summary>
public sealed record QueryResult(IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<string> Bookmarks)
{
    public IEnumerable<QueryRow> Records => Rows.Select(row => new QueryRow(Fields, row));
}

public readonly record struct QueryRow(IReadOnlyList<string> Fields, IReadOnlyList<object?> Values)
{
    public object? this[string field]
    {
        get
        {
            var index = Fields is List<string> list ? list.IndexOf(field) : Fields.ToList().IndexOf(field);
            return index >= 0 ? Values[index] : throw new KeyNotFoundException($"the result has no field '{field}'");
        }
    }

    public string String(string field) => (string)this[field]!;

    public string? NullableString(string field) => this[field] as string;

    public long Long(string field) => Convert.ToInt64(this[field]);

    public double Double(string field) => Convert.ToDouble(this[field]);

    public bool Bool(string field) => this[field] is true;

    public IReadOnlyList<string> Strings(string field) => this[field] is IEnumerable<object?> items ? items.OfType<string>().ToList() : [];
}

/// <summary>An error the server reported, with its Neo4j status code (e.g. Neo.ClientError.Statement.SyntaxError).</summary>
public sealed class Neo4jException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;

    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);
}
