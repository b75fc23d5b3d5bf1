namespace Grader.Engine.Regions;

/// <summary>A numerical area with a rigorous bound: the true area lies in [Area − ErrorBound, Area + ErrorBound].</summary>
public readonly record struct AreaEstimate(double Area, double ErrorBound)
{
    public double Lower => Area - ErrorBound;

    public double Upper => Area + ErrorBound;

    public bool Brackets(double area) => Lower <= area && area <= Upper;
}
