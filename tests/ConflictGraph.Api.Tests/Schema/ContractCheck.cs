using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace ConflictGraph.Api.Tests.Schema;

/// <summary>
/// Which names of a contract (SDL) the served schema lacks or serves with another type: each type,
/// field, argument, input field, enum value and interface, spelled as <c>type X</c>, <c>X.field</c>,
/// <c>X.field(argument)</c>, <c>X.VALUE</c> or <c>X implements Y</c>, with the types after a colon when they differ.
/// </summary>
internal static class ContractCheck
{
    public static List<string> Missing(string contract, ISchema schema)
    {
        var document = Parser.Parse(contract);
        Assert.True(document.Definitions.Count > 40, "the contract parsed into too few definitions to be the real one");
        var missing = new List<string>();
        foreach (var definition in document.Definitions.OfType<GraphQLTypeDefinition>())
        {
            var name = definition.Name.StringValue;
            var served = schema.AllTypes[name];
            if (served is null)
            {
                missing.Add($"type {name}");
                continue;
            }
            switch (definition)
            {
                case GraphQLObjectTypeDefinition o: CheckFields(name, o.Fields, served, missing); CheckInterfaces(name, o.Interfaces, served, missing); break;
                case GraphQLInterfaceTypeDefinition i: CheckFields(name, i.Fields, served, missing); break;
                case GraphQLInputObjectTypeDefinition input:
                    foreach (var field in input.Fields?.Items ?? [])
                    {
                        var servedField = (served as IInputObjectGraphType)?.GetField(field.Name.StringValue);
                        if (servedField is null) missing.Add($"{name}.{field.Name}");
                        else if (Print(field.Type) != servedField.ResolvedType!.ToString()) missing.Add($"{name}.{field.Name}: {Print(field.Type)} served as {servedField.ResolvedType}");
                    }
                    break;
                case GraphQLEnumTypeDefinition e:
                    foreach (var value in e.Values?.Items ?? [])
                        if ((served as EnumerationGraphType)?.Values.FindByName(value.Name.StringValue) is null) missing.Add($"{name}.{value.Name}");
                    break;
            }
        }
        return missing;
    }

    private static void CheckFields(string type, GraphQLFieldsDefinition? fields, IGraphType served, List<string> missing)
    {
        foreach (var field in fields?.Items ?? [])
        {
            var servedField = (served as IComplexGraphType)?.GetField(field.Name.StringValue);
            if (servedField is null)
            {
                missing.Add($"{type}.{field.Name}");
                continue;
            }
            if (Print(field.Type) != servedField.ResolvedType!.ToString())
                missing.Add($"{type}.{field.Name}: {Print(field.Type)} served as {servedField.ResolvedType}");
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                var servedArgument = servedField.Arguments?.Find(argument.Name.StringValue);
                if (servedArgument is null) missing.Add($"{type}.{field.Name}({argument.Name})");
                else if (Print(argument.Type) != servedArgument.ResolvedType!.ToString())
                    missing.Add($"{type}.{field.Name}({argument.Name}): {Print(argument.Type)} served as {servedArgument.ResolvedType}");
            }
        }
    }

    private static void CheckInterfaces(string type, GraphQLImplementsInterfaces? interfaces, IGraphType served, List<string> missing)
    {
        foreach (var name in interfaces?.Items.Select(i => i.Name.StringValue) ?? [])
            if ((served as IObjectGraphType)?.ResolvedInterfaces.Any(i => i.Name == name) != true) missing.Add($"{type} implements {name}");
    }

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => $"[{Print(list.Type)}]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => type.ToString()!,
    };
}
