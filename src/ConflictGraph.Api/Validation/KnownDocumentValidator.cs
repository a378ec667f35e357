using GraphQL.Validation;

namespace ConflictGraph.Api.Validation;

/// <summary>
/// GraphQL.NET's validator, except for a document that already passed every rule and is
/// validated again with no rule (the document cache's case for most documents). For those,
/// GraphQL.NET would still walk the whole operation twice at every request: once for where its
/// variables are used and once to parse arguments. Here both walks are done once per operation
/// (<see cref="KnownOperation"/>), and each request only coerces its variables and parses the
/// arguments that need them. With any rule to run, or a document not known, nothing changes.
/// </summary>
public sealed class KnownDocumentValidator(ValidatedDocuments validated) : IDocumentValidator
{
    private readonly DocumentValidator full = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options) =>
        options.Rules is { } rules && !rules.Any() && validated.Find(options.Schema, options.Document, options.Operation) is { } known
            ? known.ValidateAsync(options)
            : full.ValidateAsync(options);
}
