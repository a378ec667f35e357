using System.Text.RegularExpressions;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Transport;

/// <summary>
/// Write keys must say unambiguously who wrote: a name is short and plain, not one history uses for
/// something else ('cli', 'seed', an unnamed key's 'write-key-N'), and one key is not given twice.
/// </summary>
public sealed partial class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    private static readonly string[] Reserved = [WriteContext.Cli, WriteContext.Seed, WriteContext.Unattributed.Writer];

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var failures = new List<string>();
        foreach (var (writer, key) in options.NamedWriteKeys)
        {
            var at = $"{AccessOptions.Section}:NamedWriteKeys:{writer}";
            if (!WriterName().IsMatch(writer))
                failures.Add($"{at}: '{writer}' is not a writer name (letters, digits, '.', '_' and '-', at most 64, starting with a letter or digit)");
            else if (Reserved.Contains(writer, StringComparer.OrdinalIgnoreCase) || UnnamedName().IsMatch(writer))
                failures.Add($"{at}: '{writer}' is a name the change log gives other writers; choose another");
            if (string.IsNullOrEmpty(key)) failures.Add($"{at}: the key is empty");
        }
        var repeated = options.Writers().GroupBy(w => w.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => string.Join(" and ", g.Select(w => w.Writer)));
        failures.AddRange(repeated.Select(writers => $"{AccessOptions.Section}: {writers} have the same key, so history could not tell them apart"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex WriterName();

    [GeneratedRegex("^write-key-[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex UnnamedName();
}
