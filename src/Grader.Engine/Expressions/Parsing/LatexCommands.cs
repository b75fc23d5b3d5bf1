namespace Grader.Engine.Expressions.Parsing;

/// <summary>What each LaTeX command students paste from LMS editors and notes reads as in the expression language.</summary>
internal static class LatexCommands
{
    /// <summary>Commands that stand for one character (an operator, a bar, a grouping brace, a space) or for nothing.</summary>
    public static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        [","] = " ",
        [";"] = " ",
        [":"] = " ",
        ["!"] = " ",
        [">"] = " ",
        [" "] = " ",
        ["quad"] = " ",
        ["qquad"] = " ",
        ["displaystyle"] = " ",
        ["textstyle"] = " ",
        // "\{ \}" are the braces students group with, as "{ }" are LaTeX's own (invisible) grouping.
        ["{"] = "(",
        ["}"] = ")",
        ["lbrace"] = "(",
        ["rbrace"] = ")",
        ["lbrack"] = "[",
        ["rbrack"] = "]",
        // "u \cdot v" between two vectors is their dot product, as "·" is (the product otherwise).
        ["cdot"] = "·",
        ["times"] = "*",
        ["ast"] = "*",
        ["odot"] = "⊙",
        ["circ"] = "∘",
        ["div"] = "/",
        ["le"] = "≤",
        ["leq"] = "≤",
        ["leqslant"] = "≤",
        ["ge"] = "≥",
        ["geq"] = "≥",
        ["geqslant"] = "≥",
        ["lt"] = "<",
        ["gt"] = ">",
        ["vert"] = "|",
        ["lvert"] = "|",
        ["rvert"] = "|",
        ["|"] = "‖",
        ["Vert"] = "‖",
        ["lVert"] = "‖",
        ["rVert"] = "‖",
        ["top"] = "ᵀ",
        ["intercal"] = "ᵀ",
        ["prime"] = "'",
        ["sigma"] = "σ",
        ["pi"] = "π",
        ["Sigma"] = "Σ",
        ["sum"] = "∑",
    };

    /// <summary>Commands read as the name of a function or of a variable (Greek letters by their spelled-out names).</summary>
    public static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["exp"] = "exp",
        ["log"] = "log",
        ["ln"] = "ln",
        ["tanh"] = "tanh",
        ["sinh"] = "sinh",
        ["cosh"] = "cosh",
        ["sin"] = "sin",
        ["cos"] = "cos",
        ["max"] = "max",
        ["min"] = "min",
        ["alpha"] = "alpha",
        ["beta"] = "beta",
        ["gamma"] = "gamma",
        ["delta"] = "delta",
        ["epsilon"] = "epsilon",
        ["varepsilon"] = "epsilon",
        ["zeta"] = "zeta",
        ["eta"] = "eta",
        ["theta"] = "theta",
        ["vartheta"] = "theta",
        ["kappa"] = "kappa",
        ["lambda"] = "lambda",
        ["mu"] = "mu",
        ["nu"] = "nu",
        ["xi"] = "xi",
        ["rho"] = "rho",
        ["tau"] = "tau",
        ["phi"] = "phi",
        ["varphi"] = "phi",
        ["chi"] = "chi",
        ["psi"] = "psi",
        ["omega"] = "omega",
        ["Gamma"] = "Gamma",
        ["Delta"] = "Delta",
        ["Theta"] = "Theta",
        ["Lambda"] = "Lambda",
        ["Phi"] = "Phi",
        ["Psi"] = "Psi",
        ["Omega"] = "Omega",
    };

    /// <summary>Commands whose one argument is read as written: font and text wrappers around a name.</summary>
    public static readonly HashSet<string> Wrappers =
    [
        "mathrm", "operatorname", "text", "textrm", "textit", "textbf", "mathit", "mathbf", "mathsf", "boldsymbol", "bm",
        "mathbb", "mathbbm", "mathds",
    ];

    private static readonly HashSet<string> _blackboard = ["mathbb", "mathbbm", "mathds"];

    private static readonly HashSet<string> _bold = ["mathbf", "boldsymbol", "bm"];

    /// <summary>
    /// Whether a wrapped "1" is the indicator, so that \mathbb{1}_{z>0} and \mathbb{1}\{z>0\} are 1·(z > 0): a blackboard 1 or I
    /// always, a bold 1 only before a condition in a subscript (elsewhere it may be the vector of ones).
    /// </summary>
    public static bool IsIndicator(string wrapper, ReadOnlySpan<char> wrapped, bool beforeSubscript) =>
        (_blackboard.Contains(wrapper) && wrapped is "1" or "I") || (_bold.Contains(wrapper) && beforeSubscript && wrapped is "1");

    /// <summary>Commands that only size the delimiter after them: \left( is (.</summary>
    public static readonly HashSet<string> Sizes =
    [
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr",
    ];

    /// <summary>The fraction commands, each taking {numerator}{denominator}.</summary>
    public static readonly HashSet<string> Fractions = ["frac", "dfrac", "tfrac", "cfrac"];

    /// <summary>What a superscript that is only a transpose mark reads as (W^{\top}, W^\intercal, W^{\mathsf{T}}).</summary>
    public static bool IsTransposeMark(string superscript) =>
        superscript is @"\top" or @"\intercal" or @"\mathsf{T}" or @"\mathrm{T}" or @"\mathsf T" or @"\mathrm T" or "ᵀ";
}
