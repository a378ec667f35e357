using ConflictGraph.Api.Tests.Infrastructure;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Schema;

/// <summary>
/// The served schema keeps every name of the API contract with a compatible type: each type,
/// field, argument, input field, enum value and interface.
/// </summary>
public sealed class ContractTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    /// <summary>The team's contract; a copy lives beside this test for machines without the shared folder.</summary>
    private static string ContractText
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(ConflictGraphApp.RepoRoot, "..", "shared", "contract", "schema.graphql"));
            var copy = Path.Combine(AppContext.BaseDirectory, "Schema", "contract.graphql");
            return File.Exists(shared) ? File.ReadAllText(shared) : File.ReadAllText(copy);
        }
    }

    private ISchema Served
    {
        get
        {
            var schema = app.Services.GetRequiredService<ISchema>();
            schema.Initialize();
            return schema;
        }
    }

    [SkippableFact]
    public void TheCopyOfTheContractMatchesTheSharedOne()
    {
        var shared = Path.GetFullPath(Path.Combine(ConflictGraphApp.RepoRoot, "..", "shared", "contract", "schema.graphql"));
        Skip.IfNot(File.Exists(shared), "the shared contract folder is not beside this clone");
        Assert.Equal(File.ReadAllText(shared), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "contract.graphql")));
    }

    [Fact]
    public void EveryContractNameIsServedWithACompatibleType()
    {
        var document = Parser.Parse(ContractText);
        Assert.True(document.Definitions.Count > 40, "the contract parsed into too few definitions to be the real one");
        var schema = Served;
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
        Assert.Empty(missing);
    }

    [Fact]
    public void QueryAndMutationRootsAreServed()
    {
        Assert.Equal("Query", Served.Query.Name);
        Assert.Equal("Mutation", Served.Mutation!.Name);
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
