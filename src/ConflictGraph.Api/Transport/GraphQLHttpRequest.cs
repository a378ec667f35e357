using System.Text.Json;
using GraphQL;
using GraphQLParser.AST;

namespace ConflictGraph.Api.Transport;

/// <summary>One GraphQL request as the GraphQL-over-HTTP spec defines it, read from a GET query string or a POST JSON body.</summary>
public sealed record GraphQLHttpRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions)
{
    /// <summary>A request the spec says to refuse before execution, with its status code.</summary>
    public sealed class Refusal(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    public static GraphQLHttpRequest FromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer) => new(
        Single(query, "query"), Single(query, "operationName"),
        ReadInputs(Single(query, "variables"), "variables", serializer), ReadInputs(Single(query, "extensions"), "extensions", serializer));

    public static GraphQLHttpRequest FromJson(JsonElement body, IGraphQLTextSerializer serializer)
    {
        if (body.ValueKind == JsonValueKind.Array)
            throw new Refusal(StatusCodes.Status400BadRequest, "batched requests (a JSON array) are not supported; send one request object");
        if (body.ValueKind != JsonValueKind.Object)
            throw new Refusal(StatusCodes.Status400BadRequest, "the body must be a JSON object with a 'query' string");
        try
        {
            return new GraphQLHttpRequest(
                String(body, "query"), String(body, "operationName"), Object(body, "variables", serializer), Object(body, "extensions", serializer));
        }
        catch (InvalidOperationException)
        {
            throw new Refusal(StatusCodes.Status400BadRequest, "the body holds text that is not valid Unicode (invalid UTF-8, or a lone surrogate escape)");
        }
    }

    /// <summary>The operation this request would run, or null when the document does not parse or does not say.</summary>
    public OperationType? OperationType()
    {
        if (Query is null) return null;
        try
        {
            var document = GraphQLParser.Parser.Parse(Query);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var chosen = OperationName is null
                ? operations.Count == 1 ? operations[0] : null
                : operations.FirstOrDefault(o => o.Name?.StringValue == OperationName);
            return chosen?.Operation;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1) throw new Refusal(StatusCodes.Status400BadRequest, $"'{name}' is given {values.Count} times");
        return values.Count == 0 ? null : values[0];
    }

    private static Inputs? ReadInputs(string? json, string name, IGraphQLTextSerializer serializer)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return Object(document.RootElement, null, serializer, name);
        }
        catch (JsonException e)
        {
            throw new Refusal(StatusCodes.Status400BadRequest, $"'{name}' is not valid JSON: {e.Message}");
        }
    }

    private static string? String(JsonElement body, string name) => !body.TryGetProperty(name, out var value) ? null : value.ValueKind switch
    {
        JsonValueKind.String => Text(value, name),
        JsonValueKind.Null => null,
        _ => throw new Refusal(StatusCodes.Status400BadRequest, $"'{name}' must be a string"),
    };

    private static string Text(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new Refusal(StatusCodes.Status400BadRequest, $"'{name}' is not valid Unicode text (invalid UTF-8, or a lone surrogate escape)");
        }
    }

    private static Inputs? Object(JsonElement body, string? property, IGraphQLTextSerializer serializer, string? label = null)
    {
        var name = label ?? property!;
        var value = body;
        if (property is not null && !body.TryGetProperty(property, out value)) return null;
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) throw new Refusal(StatusCodes.Status400BadRequest, $"'{name}' must be a JSON object");
        if (FirstDuplicateKey(value) is { } duplicate)
            throw new Refusal(StatusCodes.Status400BadRequest, $"'{name}' gives the key '{duplicate}' more than once");
        try
        {
            return serializer.ReadNode<Inputs>(value);
        }
        catch (InvalidOperationException)
        {
            throw new Refusal(StatusCodes.Status400BadRequest, $"'{name}' holds text that is not valid Unicode (invalid UTF-8, or a lone surrogate escape)");
        }
    }

    /// <summary>A key an object (or any object inside it) gives twice, JSON allowing it and a dictionary not.</summary>
    private static string? FirstDuplicateKey(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                // One key cannot repeat: most objects here (a request's variables) hold one, and get no set.
                var seen = value.GetPropertyCount() > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
                foreach (var property in value.EnumerateObject())
                    if (seen is not null && !seen.Add(property.Name)) return property.Name;
                    else if (FirstDuplicateKey(property.Value) is { } inner) return inner;
                return null;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    if (FirstDuplicateKey(item) is { } inner) return inner;
                return null;
            default:
                return null;
        }
    }
}
