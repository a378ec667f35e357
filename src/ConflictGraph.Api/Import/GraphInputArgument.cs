using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Import;

/// <summary>Turns the parsed <c>input</c> argument back into the seed-format JSON shape, so it takes the CLI's import path.</summary>
public static class GraphInputArgument
{
    public static GraphInput Read(object? argument) =>
        ToJson(argument).Deserialize<GraphInput>(GraphJson.Read) ?? new GraphInput();

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        DateOnly date => JsonValue.Create(InputText.FormatDate(date)),
        DateTimeOffset instant => JsonValue.Create(InputText.FormatInstant(instant)),
        DateTime instant => JsonValue.Create(instant.ToString("O", CultureInfo.InvariantCulture)),
        Enum choice => JsonValue.Create(EnumNames.Of(choice)),
        IDictionary<string, object?> fields => new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, ToJson(f.Value)))),
        IEnumerable items => new JsonArray(items.Cast<object?>().Select(ToJson).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
