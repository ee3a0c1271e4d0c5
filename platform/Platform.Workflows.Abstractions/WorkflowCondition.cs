namespace Platform.Workflows;

/// <summary>A condition as written in a BPMN file: JavaScript, or JavaScript inside <c>${…}</c> / <c>#{…}</c> (Camunda's expression syntax).</summary>
public static class WorkflowCondition
{
    /// <summary>The condition's JavaScript: <c>${…}</c> and <c>#{…}</c> are unwrapped.</summary>
    public static string Script(string condition)
    {
        var text = condition.Trim();
        return text.Length > 3 && (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal)) && text.EndsWith('}')
            ? text[2..^1]
            : text;
    }
}
