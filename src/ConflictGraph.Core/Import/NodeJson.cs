using System.Text;
using System.Text.Json;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

/// <summary>
/// One node as compact seed-format JSON, the way stores keep a node's full body: every field
/// round-trips exactly, and two equal nodes give the same text (so "unchanged" is a string compare).
/// </summary>
public static class NodeJson
{
    private static readonly JsonSerializerOptions Compact = new(GraphJson.Write) { WriteIndented = false };

    /// <summary>The same options, with the inputs' metadata made at build time (<see cref="NodeBodyContext"/>).</summary>
    private static readonly JsonSerializerOptions Stored = new(Compact) { TypeInfoResolver = NodeBodyContext.Default };

    public static string Serialize(Node node)
    {
        var single = GraphInputMapper.ToInput(node);
        return JsonSerializer.Serialize(single, single.GetType(), Compact);
    }

    /// <summary>The same text as <see cref="Serialize"/>, in UTF-8, as the serializer writes it before any string is made.</summary>
    public static byte[] SerializeToUtf8(Node node)
    {
        var single = GraphInputMapper.ToInput(node);
        return JsonSerializer.SerializeToUtf8Bytes(single, single.GetType(), Compact);
    }

    /// <param name="kind">The node kind's contract name, e.g. EVENT.</param>
    public static Node Parse(string kind, string body) => Parse(kind, Encoding.UTF8.GetBytes(body));

    /// <summary>
    /// A node from its body as UTF-8, the way SQLite holds it: reading it so skips a UTF-16 copy of
    /// every body read and the serializer's conversion back (bodies are most of what a read allocates).
    /// Each kind's fields are read with a plain reader (<see cref="Read{T}"/>), the serializer's work without
    /// its per-call state; a body holding anything that reader does not expect goes to the serializer
    /// (<see cref="Deserialize(string, ReadOnlySpan{byte})"/>). Either way the same input and the same mapping to the model.
    /// </summary>
    /// <param name="kind">The node kind's contract name, e.g. EVENT.</param>
    public static Node Parse(string kind, ReadOnlySpan<byte> body) => Parse(EnumNames.Parse<NodeKind>(kind), body);

    /// <summary>
    /// An event's body as the store keeps it in UTF-8 (an export reads one per row, with no string between), read
    /// as <see cref="Parse(string, ReadOnlySpan{byte})"/> reads any node.
    /// </summary>
    public static Event ParseEvent(ReadOnlySpan<byte> body) => (Event)Parse(NodeKind.Event, body);

    /// <summary>The one way a body becomes a node: its kind's plain reader, or the serializer for what that reader leaves.</summary>
    private static Node Parse(NodeKind kind, ReadOnlySpan<byte> body) =>
        GraphInputMapper.ToNode(ReadPlainly(kind, body) ?? DeserializeInput(kind, body));

    /// <summary>The input a kind's plain reader reads from a body, or null when it leaves the body to the serializer (see <see cref="Read{T}"/>).</summary>
    internal static object? ReadPlainly(NodeKind kind, ReadOnlySpan<byte> body) => kind switch
    {
        NodeKind.Person => Read<PersonInput>(body, PersonField),
        NodeKind.Organization => Read<OrganizationInput>(body, OrganizationField),
        NodeKind.Place => Read<PlaceInput>(body, PlaceField),
        NodeKind.Event => Read<EventInput>(body, EventField),
        NodeKind.Source => Read<SourceInput>(body, SourceField),
        _ => Read<StatementInput>(body, StatementField),
    };

    /// <summary>The node the serializer alone reads from a body: what the plain readers are held to.</summary>
    internal static Node Deserialize(string kind, ReadOnlySpan<byte> body) =>
        GraphInputMapper.ToNode(DeserializeInput(EnumNames.Parse<NodeKind>(kind), body));

    private static object DeserializeInput(NodeKind kind, ReadOnlySpan<byte> body) => kind switch
    {
        NodeKind.Person => Deserialize<PersonInput>(body),
        NodeKind.Organization => Deserialize<OrganizationInput>(body),
        NodeKind.Place => Deserialize<PlaceInput>(body),
        NodeKind.Event => Deserialize<EventInput>(body),
        NodeKind.Source => Deserialize<SourceInput>(body),
        _ => Deserialize<StatementInput>(body),
    };

    /// <summary>
    /// Reads the value of the property <paramref name="json"/> stands on into <paramref name="input"/>; false when
    /// the name is not one of the input's fields (exact camelCase, as <see cref="Stored"/> names them), and
    /// <paramref name="ok"/> false when the value is not of the field's type.
    /// </summary>
    private delegate bool FieldReader<in T>(ref Utf8JsonReader json, T input, ref bool ok);

    /// <summary>
    /// The input the serializer would read from <paramref name="body"/> (<see cref="Stored"/>: exact camelCase names,
    /// the last of a repeated field kept, nulls as absent values), when the body is one object of only the fields
    /// the input types have, each holding a value of its field's type; null for anything else (an unknown field,
    /// which the serializer skips, or a value it would refuse), so the serializer decides those as it always has.
    /// </summary>
    private static T? Read<T>(ReadOnlySpan<byte> body, FieldReader<T> field) where T : class, new()
    {
        var json = new Utf8JsonReader(body);
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject) return null;
            var ok = true;
            var input = Fields(ref json, field, ref ok);
            return ok && !json.Read() ? input : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>An object's fields, from its start to its end.</summary>
    private static T Fields<T>(ref Utf8JsonReader json, FieldReader<T> field, ref bool ok) where T : new()
    {
        var input = new T();
        while (ok && json.Read() && json.TokenType == JsonTokenType.PropertyName) ok = field(ref json, input, ref ok) && ok;
        ok = ok && json.TokenType == JsonTokenType.EndObject;
        return input;
    }

    /// <summary>The next value when it is an object of the reader's fields, or null.</summary>
    private static T? Object<T>(ref Utf8JsonReader json, FieldReader<T> field, ref bool ok) where T : class, new()
    {
        json.Read();
        if (json.TokenType == JsonTokenType.Null) return null;
        if (json.TokenType == JsonTokenType.StartObject) return Fields(ref json, field, ref ok);
        ok = false;
        return null;
    }

    /// <summary>The next value when it is an array of objects of the reader's fields or nulls, or null.</summary>
    private static List<T>? Objects<T>(ref Utf8JsonReader json, FieldReader<T> field, ref bool ok) where T : class, new()
    {
        json.Read();
        if (json.TokenType == JsonTokenType.Null) return null;
        if (json.TokenType != JsonTokenType.StartArray) return Refused<List<T>>(ref ok);
        var items = new List<T>();
        while (ok && json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType == JsonTokenType.Null) items.Add(null!);
            else if (json.TokenType == JsonTokenType.StartObject) items.Add(Fields(ref json, field, ref ok));
            else ok = false;
        }
        return items;
    }

    /// <summary>The next value when it is a string or null.</summary>
    private static string? Text(ref Utf8JsonReader json, ref bool ok)
    {
        json.Read();
        if (json.TokenType == JsonTokenType.String) return json.GetString();
        if (json.TokenType != JsonTokenType.Null) ok = false;
        return null;
    }

    /// <summary>The next value when it is an array of strings or nulls, or null.</summary>
    private static List<string>? Texts(ref Utf8JsonReader json, ref bool ok)
    {
        json.Read();
        if (json.TokenType == JsonTokenType.Null) return null;
        if (json.TokenType != JsonTokenType.StartArray) return Refused<List<string>>(ref ok);
        var texts = new List<string>();
        while (ok && json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType == JsonTokenType.String) texts.Add(json.GetString()!);
            else if (json.TokenType == JsonTokenType.Null) texts.Add(null!);
            else ok = false;
        }
        return texts;
    }

    /// <summary>The next value when it is a number a double holds, or null.</summary>
    private static double? Number(ref Utf8JsonReader json, ref bool ok)
    {
        json.Read();
        if (json.TokenType == JsonTokenType.Number && json.TryGetDouble(out var number)) return number;
        if (json.TokenType != JsonTokenType.Null) ok = false;
        return null;
    }

    /// <summary>The next value when it is a whole number an int holds, or null.</summary>
    private static int? Whole(ref Utf8JsonReader json, ref bool ok)
    {
        json.Read();
        if (json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var number)) return number;
        if (json.TokenType != JsonTokenType.Null) ok = false;
        return null;
    }

    private static T? Refused<T>(ref bool ok) where T : class
    {
        ok = false;
        return null;
    }

    // One reader of fields per input type, each field as the type declares it (GraphInput.cs).

    private static bool PersonField(ref Utf8JsonReader json, PersonInput input, ref bool ok)
    {
        if (json.ValueTextEquals("id"u8)) input.Id = Text(ref json, ref ok);
        else if (json.ValueTextEquals("name"u8)) input.Name = Text(ref json, ref ok);
        else if (json.ValueTextEquals("aliases"u8)) input.Aliases = Texts(ref json, ref ok);
        else if (json.ValueTextEquals("description"u8)) input.Description = Text(ref json, ref ok);
        else if (json.ValueTextEquals("roles"u8)) input.Roles = Objects<RoleInput>(ref json, RoleField, ref ok);
        else return false;
        return true;
    }

    private static bool RoleField(ref Utf8JsonReader json, RoleInput input, ref bool ok)
    {
        if (json.ValueTextEquals("title"u8)) input.Title = Text(ref json, ref ok);
        else if (json.ValueTextEquals("organizationId"u8)) input.OrganizationId = Text(ref json, ref ok);
        else if (json.ValueTextEquals("since"u8)) input.Since = Text(ref json, ref ok);
        else if (json.ValueTextEquals("until"u8)) input.Until = Text(ref json, ref ok);
        else return false;
        return true;
    }

    private static bool OrganizationField(ref Utf8JsonReader json, OrganizationInput input, ref bool ok)
    {
        if (json.ValueTextEquals("id"u8)) input.Id = Text(ref json, ref ok);
        else if (json.ValueTextEquals("name"u8)) input.Name = Text(ref json, ref ok);
        else if (json.ValueTextEquals("aliases"u8)) input.Aliases = Texts(ref json, ref ok);
        else if (json.ValueTextEquals("description"u8)) input.Description = Text(ref json, ref ok);
        else if (json.ValueTextEquals("kind"u8)) input.Kind = Text(ref json, ref ok);
        else if (json.ValueTextEquals("countryId"u8)) input.CountryId = Text(ref json, ref ok);
        else return false;
        return true;
    }

    private static bool PlaceField(ref Utf8JsonReader json, PlaceInput input, ref bool ok)
    {
        if (json.ValueTextEquals("id"u8)) input.Id = Text(ref json, ref ok);
        else if (json.ValueTextEquals("name"u8)) input.Name = Text(ref json, ref ok);
        else if (json.ValueTextEquals("aliases"u8)) input.Aliases = Texts(ref json, ref ok);
        else if (json.ValueTextEquals("description"u8)) input.Description = Text(ref json, ref ok);
        else if (json.ValueTextEquals("kind"u8)) input.Kind = Text(ref json, ref ok);
        else if (json.ValueTextEquals("location"u8)) input.Location = Object<GeoPointInput>(ref json, PointField, ref ok);
        else if (json.ValueTextEquals("precision"u8)) input.Precision = Text(ref json, ref ok);
        else if (json.ValueTextEquals("locationSource"u8)) input.LocationSource = Text(ref json, ref ok);
        else return false;
        return true;
    }

    private static bool PointField(ref Utf8JsonReader json, GeoPointInput input, ref bool ok)
    {
        if (json.ValueTextEquals("latitude"u8)) input.Latitude = Number(ref json, ref ok);
        else if (json.ValueTextEquals("longitude"u8)) input.Longitude = Number(ref json, ref ok);
        else return false;
        return true;
    }

    private static bool EventField(ref Utf8JsonReader json, EventInput input, ref bool ok)
    {
        if (json.ValueTextEquals("id"u8)) input.Id = Text(ref json, ref ok);
        else if (json.ValueTextEquals("title"u8)) input.Title = Text(ref json, ref ok);
        else if (json.ValueTextEquals("kind"u8)) input.Kind = Text(ref json, ref ok);
        else if (json.ValueTextEquals("description"u8)) input.Description = Text(ref json, ref ok);
        else if (json.ValueTextEquals("date"u8)) input.Date = Object<FuzzyDateInput>(ref json, DateField, ref ok);
        else return false;
        return true;
    }

    private static bool DateField(ref Utf8JsonReader json, FuzzyDateInput input, ref bool ok)
    {
        if (json.ValueTextEquals("start"u8)) input.Start = Text(ref json, ref ok);
        else if (json.ValueTextEquals("end"u8)) input.End = Text(ref json, ref ok);
        else if (json.ValueTextEquals("precision"u8)) input.Precision = Text(ref json, ref ok);
        else if (json.ValueTextEquals("at"u8)) input.At = Text(ref json, ref ok);
        else if (json.ValueTextEquals("text"u8)) input.Text = Text(ref json, ref ok);
        else if (json.ValueTextEquals("extent"u8)) input.Extent = Text(ref json, ref ok);
        else return false;
        return true;
    }

    private static bool SourceField(ref Utf8JsonReader json, SourceInput input, ref bool ok)
    {
        if (json.ValueTextEquals("id"u8)) input.Id = Text(ref json, ref ok);
        else if (json.ValueTextEquals("title"u8)) input.Title = Text(ref json, ref ok);
        else if (json.ValueTextEquals("publisherId"u8)) input.PublisherId = Text(ref json, ref ok);
        else if (json.ValueTextEquals("url"u8)) input.Url = Text(ref json, ref ok);
        else if (json.ValueTextEquals("publishedAt"u8)) input.PublishedAt = Text(ref json, ref ok);
        else if (json.ValueTextEquals("kind"u8)) input.Kind = Text(ref json, ref ok);
        else if (json.ValueTextEquals("relaysId"u8)) input.RelaysId = Text(ref json, ref ok);
        else return false;
        return true;
    }

    private static bool StatementField(ref Utf8JsonReader json, StatementInput input, ref bool ok)
    {
        if (json.ValueTextEquals("id"u8)) input.Id = Text(ref json, ref ok);
        else if (json.ValueTextEquals("text"u8)) input.Text = Text(ref json, ref ok);
        else if (json.ValueTextEquals("stance"u8)) input.Stance = Text(ref json, ref ok);
        else if (json.ValueTextEquals("aboutIds"u8)) input.AboutIds = Texts(ref json, ref ok);
        else if (json.ValueTextEquals("date"u8)) input.Date = Object<FuzzyDateInput>(ref json, DateField, ref ok);
        else if (json.ValueTextEquals("medium"u8)) input.Medium = Text(ref json, ref ok);
        else if (json.ValueTextEquals("speakerId"u8)) input.SpeakerId = Text(ref json, ref ok);
        else if (json.ValueTextEquals("onBehalfOfId"u8)) input.OnBehalfOfId = Text(ref json, ref ok);
        else if (json.ValueTextEquals("speakerDescription"u8)) input.SpeakerDescription = Text(ref json, ref ok);
        else if (json.ValueTextEquals("sourceId"u8)) input.SourceId = Text(ref json, ref ok);
        else if (json.ValueTextEquals("casualtyReports"u8)) input.CasualtyReports = Objects<CasualtyReportInput>(ref json, CasualtyField, ref ok);
        else if (json.ValueTextEquals("primarySourceId"u8)) input.PrimarySourceId = Text(ref json, ref ok);
        else if (json.ValueTextEquals("placeId"u8)) input.PlaceId = Text(ref json, ref ok);
        else return false;
        return true;
    }

    private static bool CasualtyField(ref Utf8JsonReader json, CasualtyReportInput input, ref bool ok)
    {
        if (json.ValueTextEquals("eventId"u8)) input.EventId = Text(ref json, ref ok);
        else if (json.ValueTextEquals("killedMin"u8)) input.KilledMin = Whole(ref json, ref ok);
        else if (json.ValueTextEquals("killedMax"u8)) input.KilledMax = Whole(ref json, ref ok);
        else if (json.ValueTextEquals("injuredMin"u8)) input.InjuredMin = Whole(ref json, ref ok);
        else if (json.ValueTextEquals("injuredMax"u8)) input.InjuredMax = Whole(ref json, ref ok);
        else if (json.ValueTextEquals("victims"u8)) input.Victims = Text(ref json, ref ok);
        else if (json.ValueTextEquals("victimCategory"u8)) input.VictimCategory = Text(ref json, ref ok);
        else return false;
        return true;
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize<T>(body, Stored)
        ?? throw new InvalidDataException("a stored node body is null");
}
