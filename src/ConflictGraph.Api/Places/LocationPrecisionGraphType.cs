using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Places;

/// <summary>
/// LocationPrecision, named by the core's EnumNames as every domain enum is: ADMIN2, not GraphQL.NET's
/// own ADMIN_2 (the contract's spelling, and the one seed files use).
/// </summary>
public sealed class LocationPrecisionGraphType : EnumerationGraphType<LocationPrecision>
{
    public LocationPrecisionGraphType() => Name = "LocationPrecision";

    protected override string ChangeEnumCase(string val) => EnumNames.Of(Enum.Parse<LocationPrecision>(val));
}
