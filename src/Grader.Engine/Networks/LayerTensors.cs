using Grader.Engine.Autodiff;

namespace Grader.Engine.Networks;

/// <summary>One layer's weights and offsets as graph leaves (null where the layer has none).</summary>
public sealed record LayerTensors(Tensor? Weights, Tensor? Offsets);
