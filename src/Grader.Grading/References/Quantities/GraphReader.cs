using Grader.Engine.Autodiff;
using Grader.Engine.Expressions;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;
using Grader.Grading.Loading;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// Reads <c>graph: {definitions: {q: "x + y", f: "q*z"}, at: {x: -2, y: 5, z: -4}}</c>, evaluated in order; a definition may
/// be a block (<see cref="GraphBlocks"/>) instead of an expression.
/// </summary>
internal static class GraphReader
{
    public static GraphQuantities Read(YamlMap graph, ProblemContext context)
    {
        graph.AllowOnly("definitions", "at");
        var at = graph.Map("at");
        var nodes = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var name in at.Keys)
        {
            // Every input is a variable, so gradients flow to it and through every intermediate.
            nodes[name] = Tensor.Variable(at.Matrix(name));
        }
        var definitions = graph.Map("definitions");
        foreach (var name in definitions.Keys)
        {
            if (definitions.Find(name) is YamlMappingNode block)
            {
                DefineBlock(name, definitions.AsMap(block, name), nodes);
                continue;
            }
            try
            {
                var expression = AuthorExpressions.Parse(definitions.String(name), nodes.Keys);
                nodes[name] = expression.Evaluate(nodes);
                var values = nodes.ToDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.Ordinal);
                foreach (var kink in Kinks.In(expression, values))
                {
                    context.Warn(definitions, $"definition '{name}': {kink}; a derivative through it is a convention, not a fact: move the point");
                }
            }
            catch (ExpressionException exception)
            {
                throw definitions.Error($"definition '{name}': {exception.Error}");
            }
            catch (ShapeMismatchException exception)
            {
                throw definitions.Error($"definition '{name}': {EngineMessage.Of(exception)}");
            }
        }
        return new GraphQuantities(nodes);
    }

    private static void DefineBlock(string name, YamlMap block, Dictionary<string, Tensor> nodes)
    {
        try
        {
            GraphBlocks.Define(name, block, nodes);
        }
        catch (Exception exception) when (exception is ShapeMismatchException or ArgumentException)
        {
            throw block.Error($"definition '{name}': {EngineMessage.Of(exception)}");
        }
    }
}
