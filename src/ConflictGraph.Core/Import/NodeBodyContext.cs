using System.Text.Json.Serialization;

namespace ConflictGraph.Core.Import;

/// <summary>
/// The node inputs' serialization metadata made at build time, so reading a stored body (every node a
/// read returns) does not go through reflection. <see cref="NodeJson"/> uses it with its own options,
/// which decide names, nulls and unknown fields exactly as before; these attributes choose only the types.
/// </summary>
[JsonSerializable(typeof(PersonInput))]
[JsonSerializable(typeof(OrganizationInput))]
[JsonSerializable(typeof(PlaceInput))]
[JsonSerializable(typeof(EventInput))]
[JsonSerializable(typeof(SourceInput))]
[JsonSerializable(typeof(StatementInput))]
internal sealed partial class NodeBodyContext : JsonSerializerContext;
