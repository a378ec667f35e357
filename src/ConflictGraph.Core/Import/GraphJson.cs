using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConflictGraph.Core.Import;

/// <summary>The one JSON spelling of GraphInput, for reading seed files and writing exports.</summary>
public static class GraphJson
{
    /// <summary>Strict reading: exact camelCase names, an unknown field is an error, comments and trailing commas allowed.</summary>
    public static readonly JsonSerializerOptions Read = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Indented camelCase with nulls left out, as exports and generated files are written.</summary>
    public static readonly JsonSerializerOptions Write = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}
