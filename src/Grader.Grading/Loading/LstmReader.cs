using Grader.Engine.Recurrent;

namespace Grader.Grading.Loading;

/// <summary>
/// Reads an LSTM cell's twelve parameters by the names of the 6.036 handout (Wfh, Wfx, bf, Wih, Wix, bi, Woh, Wox, bo,
/// Wch, Wcx, bc): numbers for the scalar cell, or matrices and vectors for a vector cell.
/// </summary>
internal static class LstmReader
{
    public static readonly string[] ParameterNames = ["Wfh", "Wfx", "bf", "Wih", "Wix", "bi", "Woh", "Wox", "bo", "Wch", "Wcx", "bc"];

    public static LstmParameters Read(YamlMap map)
    {
        map.AllowOnly(ParameterNames);
        var m = ParameterNames.Select(name => map.Matrix(name)).ToArray();
        try
        {
            return new LstmParameters(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11]);
        }
        catch (Exception exception) when (exception is ArgumentException or Engine.Linear.ShapeMismatchException)
        {
            throw map.Error(EngineMessage.Of(exception));
        }
    }
}
