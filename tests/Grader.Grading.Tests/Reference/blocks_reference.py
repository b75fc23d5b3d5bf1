#!/usr/bin/env python3
"""Independent references for the example problems (problems/examples/*.yaml), in plain Python (numpy is not installed
on the project's machines). Forward passes are written out from the formulas in the problem prompts; every gradient is
a central finite difference of the forward pass, never autodiff, so it checks the engine's backward rules from outside.
Run: python3 blocks_reference.py — ExampleProblemTests.cs pins the values it prints."""
import math

H = 1e-6


def matvec(W, x):
    return [sum(w * v for w, v in zip(row, x)) for row in W]


def add(*vs):
    return [sum(t) for t in zip(*vs)]


def sigmoid(v):
    return 1 / (1 + math.exp(-v))


def numeric_grad(f, params, name):
    """∂f/∂params[name] by central differences, element by element (matrices as lists of rows)."""
    value = params[name]
    is_matrix = isinstance(value[0], list)
    cells = [(i, j) for i in range(len(value)) for j in range(len(value[0]))] if is_matrix else [(i, None) for i in range(len(value))]
    out = [[0.0] * len(value[0]) for _ in value] if is_matrix else [0.0] * len(value)
    for i, j in cells:
        def at(delta):
            copy = {k: ([r[:] for r in v] if isinstance(v[0], list) else v[:]) for k, v in params.items()}
            if is_matrix:
                copy[name][i][j] += delta
            else:
                copy[name][i] += delta
            return f(copy)
        g = (at(H) - at(-H)) / (2 * H)
        if is_matrix:
            out[i][j] = g
        else:
            out[i] = g
    return out


# --- example-softmax-ce ---------------------------------------------------------------------------------------------
def softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    return [v / sum(e) for v in e]


ce = {
    "W1": [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]], "b1": [0.1, -0.2, 0.3],
    "W2": [[1.0, -2.0, 0.5], [0.25, 1.0, -1.0], [-0.5, 0.75, 1.25]], "b2": [0, 0.1, -0.1],
    "x": [1, -2], "y": [0, 1, 0],
}


def ce_forward(p):
    a1 = [sigmoid(v) for v in add(matvec(p["W1"], p["x"]), p["b1"])]
    z2 = add(matvec(p["W2"], a1), p["b2"])
    return z2, softmax(z2)


def ce_loss(p):
    return -sum(y * math.log(q) for y, q in zip(p["y"], ce_forward(p)[1]))


z2, probabilities = ce_forward(ce)
print("softmax-ce 1a p =", probabilities)
print("softmax-ce 1b L =", ce_loss(ce))
print("softmax-ce 1c dL/dz2 =", numeric_grad(lambda q: -sum(y * math.log(v) for y, v in zip(q["y"], softmax(q["z"]))), {"z": z2, "y": ce["y"]}, "z"))
print("softmax-ce 1d dL/dW1 =", numeric_grad(ce_loss, ce, "W1"))

# --- example-sequences: vanilla RNN ---------------------------------------------------------------------------------
rnn = {"X": [[1, 0], [0, 1], [1, 1]], "Wx": [[0.5, -0.3], [0.2, 0.8]], "Wh": [[0.1, -0.4], [0.3, 0.2]], "b": [0.05, -0.1]}


def rnn_trace(p):
    h, trace = [0.0, 0.0], []
    for x in p["X"]:
        h = [math.tanh(v) for v in add(matvec(p["Wx"], x), matvec(p["Wh"], h), p["b"])]
        trace.append(h)
    return trace


def rnn_loss(p):
    return 0.5 * sum((h - y) ** 2 for h, y in zip(rnn_trace(p)[-1], [0.5, -0.5]))


print("sequences rnn.h =", rnn_trace(rnn))
print("sequences rnn.dWh =", numeric_grad(rnn_loss, rnn, "Wh"))
print("sequences rnn.dX =", numeric_grad(rnn_loss, rnn, "X"))

# --- example-sequences: GRU -----------------------------------------------------------------------------------------
gru = {
    "X": [[1], [-1]],
    "Wz": [[0.5], [-0.5]], "Uz": [[0.1, 0.2], [-0.3, 0.4]], "bz": [0, 0.1],
    "Wr": [[-0.2], [0.6]], "Ur": [[0.3, -0.1], [0.2, 0.2]], "br": [0.1, 0],
    "Wn": [[0.8], [-0.4]], "Un": [[0.5, 0.3], [-0.2, 0.6]], "bn": [0, -0.1],
}


def gru_trace(p):
    h, gates = [0.0, 0.0], []
    for x in p["X"]:
        z = [sigmoid(v) for v in add(matvec(p["Wz"], x), matvec(p["Uz"], h), p["bz"])]
        r = [sigmoid(v) for v in add(matvec(p["Wr"], x), matvec(p["Ur"], h), p["br"])]
        n = [math.tanh(v) for v in add(matvec(p["Wn"], x), matvec(p["Un"], [a * b for a, b in zip(r, h)]), p["bn"])]
        h = [zi * hi + (1 - zi) * ni for zi, hi, ni in zip(z, h, n)]
        gates.append((z, h))
    return gates


print("sequences gru z2 =", gru_trace(gru)[1][0], "h2 =", gru_trace(gru)[1][1])
print("sequences gru dL/dUn =", numeric_grad(lambda p: sum(gru_trace(p)[1][1]), gru, "Un"))

# --- example-sequences: attention -----------------------------------------------------------------------------------
att = {"Q": [[1, 0], [0, 1]], "K": [[1, 1], [0, 1], [1, 0]], "V": [[1, 2], [3, 4], [5, 6]]}


def attention(p):
    d = len(p["Q"][0])
    out = []
    for q in p["Q"]:
        weights = softmax([sum(a * b for a, b in zip(q, k)) / math.sqrt(d) for k in p["K"]])
        out.append([sum(w * v[j] for w, v in zip(weights, p["V"])) for j in range(len(p["V"][0]))])
    return out


print("sequences attention A =", attention(att))
print("sequences attention dL/dQ =", numeric_grad(lambda p: sum(map(sum, attention(p))), att, "Q"))

# --- example-conv1d -------------------------------------------------------------------------------------------------
conv = {"x": [1, 2, -1, 0.5, 3], "w": [0.5, -1, 2]}


def conv1d(x, w, stride, padding):
    padded = [0.0] * padding + list(x) + [0.0] * padding
    count = (len(padded) - len(w)) // stride + 1
    return [sum(w[j] * padded[i * stride + j] for j in range(len(w))) for i in range(count)]


def conv_loss(p):
    return 0.5 * sum((y - t) ** 2 for y, t in zip(conv1d(p["x"], p["w"], 2, 1), [1, 0, -1]))


print("conv1d 1a y =", conv1d(conv["x"], conv["w"], 2, 1))
print("conv1d 1b dL/dx =", numeric_grad(conv_loss, conv, "x"))
print("conv1d 1c dL/dw =", numeric_grad(conv_loss, conv, "w"))
print("conv1d 2 maxpool =", [max(conv["x"][i:i + 2]) for i in range(0, len(conv["x"]) - 1, 2)])
