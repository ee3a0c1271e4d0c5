namespace Platform.Bpmn.Runtime;

public sealed partial class ProcessRunner
{
    /// <summary>The variables a token sees: the process's, overlaid by those of each scope it runs in (nearest wins).</summary>
    private Dictionary<string, object?> VariablesOf(Token token) => VariablesOf(token.ScopeId);

    private Dictionary<string, object?> VariablesOf(string? scopeId)
    {
        var chain = new List<ScopeInstance>();
        for (var scope = state.Scope(scopeId); scope is not null; scope = state.Scope(scope.ParentId))
        {
            chain.Add(scope);
        }

        var visible = new Dictionary<string, object?>(state.Variables, StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (name, value) in chain[i].Variables)
            {
                visible[name] = value;
            }
        }

        return visible;
    }

    /// <summary>Sets a variable where it lives (the nearest scope that has it), else on the process.</summary>
    private void SetVariable(Token token, string name, object? value)
    {
        for (var scope = state.Scope(token.ScopeId); scope is not null; scope = state.Scope(scope.ParentId))
        {
            if (scope.Variables.ContainsKey(name))
            {
                scope.Variables[name] = value;
                return;
            }
        }

        state.Variables[name] = value;
    }

    private async Task<bool> HoldsAsync(Token token, string name, string condition) =>
        scripts.Holds(name, condition, VariablesOf(token), await RecordAsync(), context.User);

    private async Task<object?> FillAsync(Token token, string name, string text) =>
        scripts.Fill(name, text, VariablesOf(token), await RecordAsync(), context.User);

    /// <summary>An expression written with or without <c>${…}</c> (<c>${nrOfLoops}</c> and <c>nrOfLoops</c> alike).</summary>
    private async Task<object?> ExpressionAsync(Token token, string name, string text) =>
        scripts.Evaluate(name, WorkflowCondition.Script(text), VariablesOf(token), await RecordAsync(), context.User);

    private async Task<string?> FillTextAsync(Token token, string name, string? text) =>
        text is null ? null : Convert.ToString(await FillAsync(token, name, text), System.Globalization.CultureInfo.InvariantCulture);
}
