using Microsoft.Extensions.Configuration;

namespace Platform.Rules;

/// <summary>
/// What one script run may use, per installation (<c>Platform:Rules:*</c>). A script that breaks a
/// limit stops with a clear error and its save writes nothing.
/// </summary>
public sealed record RuleLimits(TimeSpan Timeout, int MaxStatements, long MaxMemoryBytes, int MaxRecursion)
{
    /// <summary>
    /// 1 s of wall-clock time: the statement, memory and recursion limits stop a runaway script long before;
    /// the clock is the backstop, and at 200 ms a correct rule on a loaded 2-core server was stopped.
    /// </summary>
    public static RuleLimits Default { get; } = new(TimeSpan.FromSeconds(1), 100_000, 16 * 1024 * 1024, 64);

    public static RuleLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Platform:Rules");
        return new RuleLimits(
            TimeSpan.FromMilliseconds(section.GetValue("TimeoutMilliseconds", Default.Timeout.TotalMilliseconds)),
            section.GetValue("MaxStatements", Default.MaxStatements),
            section.GetValue("MaxMemoryBytes", Default.MaxMemoryBytes),
            section.GetValue("MaxRecursion", Default.MaxRecursion));
    }
}
