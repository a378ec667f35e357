using Microsoft.Extensions.Configuration;

namespace ConflictGraph.Hosting;

/// <summary>
/// A configured value the binder cannot convert (a word where a number goes). Its message names
/// the value, the setting and the type on one line; the API and the CLI print it instead of a stack trace.
/// </summary>
public static class UnreadableSetting
{
    public static bool Is(Exception e) => e is InvalidOperationException && e.TargetSite?.DeclaringType == typeof(ConfigurationBinder);
}
