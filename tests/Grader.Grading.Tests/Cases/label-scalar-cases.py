#!/usr/bin/env python3
"""Labels the one-variable expression cases of answer-judgement-cases-3.txt independently of the grader.

Each case's answer is written again here by hand as a Python function and compared with the part's reference on 1,500
points spread over the whole real line (|z| from 1e-2 to 1e4, both signs, log-spaced, kinks |z| < 0.05 skipped as the
parts do), relative tolerance 1 % plus 1e-8. A point where the answer overflows while the reference does not is skipped,
as the grader skips it. Plain Python (no numpy on the grading machines). Run: python3 label-scalar-cases.py
"""
import math
import os
import sys

def sigmoid(x):
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))

relu = lambda z: max(z, 0.0)
lure = lambda z: min(z, 0.0)
step = lambda z: 1.0 if z > 0 else 0.0
sech = lambda x: 1 / math.cosh(x)
G = 2.0809165621704553  # ∂C/∂w1 of mit-6036 3d, computed in ReferenceAnswerTests from its closed form

REFERENCES = {
    ("mit-6390-rec6", "1b"): lambda z: 1.0 if z < 0 else 0.0,
    ("mit-6390-rec6", "1c"): lambda z: 0.0,
    ("mit-6390-rec6", "1d"): relu,
    ("ds102-disc7", "1a.relu"): step,
    ("ds102-disc7", "1a.sigmoid"): lambda x: sigmoid(x) * (1 - sigmoid(x)),
    ("mit-6036-s17-hw4", "3d.update"): lambda eta: 0.01 - eta * G,
}

# (problem, part, answer exactly as in the corpus) -> the same answer written in Python
ANSWERS = {
    ("mit-6390-rec6", "1d", "min(max(0, z), 6)"): lambda z: min(max(0, z), 6),
    ("mit-6390-rec6", "1d", "relu(z) - relu(z - 6)"): lambda z: relu(z) - relu(z - 6),
    ("mit-6390-rec6", "1d", "relu(z) + relu(z - 5)"): lambda z: relu(z) + relu(z - 5),
    ("mit-6390-rec6", "1d", "relu(z) + relu(-z - 5)"): lambda z: relu(z) + relu(-z - 5),
    ("mit-6390-rec6", "1d", "relu(z) + relu(abs(z) - 5)"): lambda z: relu(z) + relu(abs(z) - 5),
    ("mit-6390-rec6", "1d", "min(relu(z), 100)"): lambda z: min(relu(z), 100),
    ("mit-6390-rec6", "1d", "max(0, min(z, 1000))"): lambda z: max(0, min(z, 1000)),
    ("mit-6390-rec6", "1c", "relu(-z - 5)"): lambda z: relu(-z - 5),
    ("mit-6390-rec6", "1c", "step(abs(z) - 5)"): lambda z: step(abs(z) - 5),
    ("mit-6390-rec6", "1c", "min(0, relu(z))"): lambda z: min(0, relu(z)),
    ("ds102-disc7", "1a.relu", "step(x) - step(x - 5)"): lambda x: step(x) - step(x - 5),
    ("ds102-disc7", "1a.relu", "step(x)*(abs(x) < 10)"): lambda x: step(x) * (abs(x) < 10),
    ("ds102-disc7", "1a.relu", "step(x) + step(-x - 6)"): lambda x: step(x) + step(-x - 6),
    ("ds102-disc7", "1a.relu", "(sign(x) + 1)/2"): lambda x: (math.copysign(1, x) + 1) / 2,
    ("ds102-disc7", "1a.sigmoid", "sigmoid(x)*(1 - sigmoid(x)) + step(abs(x) - 5)"):
        lambda x: sigmoid(x) * (1 - sigmoid(x)) + step(abs(x) - 5),
    ("ds102-disc7", "1a.sigmoid", "sigmoid(x)*(1 - sigmoid(x)) + relu(-x - 5)"):
        lambda x: sigmoid(x) * (1 - sigmoid(x)) + relu(-x - 5),
    ("ds102-disc7", "1a.sigmoid", "exp(-x)/(1 + exp(-x))^2"): lambda x: math.exp(-x) / (1 + math.exp(-x)) ** 2,
    ("ds102-disc7", "1a.sigmoid", "exp(x)/(1 + exp(x))^2"): lambda x: math.exp(x) / (1 + math.exp(x)) ** 2,
    ("ds102-disc7", "1a.sigmoid", "1/(exp(x) + 2 + exp(-x))"): lambda x: 1 / (math.exp(x) + 2 + math.exp(-x)),
    ("ds102-disc7", "1a.sigmoid", "sech(x/2)^2/4"): lambda x: sech(x / 2) ** 2 / 4,
    ("ds102-disc7", "1a.sigmoid", "sech(x)^2/4"): lambda x: sech(x) ** 2 / 4,
    ("ds102-disc7", "1a.sigmoid", "¼sech(x/2)^2"): lambda x: sech(x / 2) ** 2 / 4,
    ("ds102-disc7", "1a.sigmoid", "tanh'(x/2)/4"): lambda x: (1 - math.tanh(x / 2) ** 2) / 4,
    ("ds102-disc7", "1a.sigmoid", "tanh'(x)/4"): lambda x: (1 - math.tanh(x) ** 2) / 4,
    ("ds102-disc7", "1a.relu", "np.heaviside(x, 0.5)"): step,
    ("ds102-disc7", "1a.relu", "np.where(x > 0, 1.0, 0.0)"): step,
    ("ds102-disc7", "1a.relu", "H(x)"): step,
    ("ds102-disc7", "1a.relu", "H(-x)"): lambda x: step(-x),
    ("mit-6390-rec6", "1d", "np.maximum(0, z)"): relu,
    ("mit-6390-rec6", "1d", "np.minimum(z, 0)"): lure,
    ("mit-6390-rec6", "1d", "½(z + |z|)"): lambda z: (z + abs(z)) / 2,
    ("mit-6390-rec6", "1d", "½(z - |z|)"): lambda z: (z - abs(z)) / 2,
    ("mit-6390-rec6", "1d", "¾z + ¼|z| - ¼z + ¼|z|"): lambda z: 0.75 * z + 0.25 * abs(z) - 0.25 * z + 0.25 * abs(z),
    ("mit-6390-rec6", "1b", "np.where(z < 0, 1, 0)"): lambda z: 1.0 if z < 0 else 0.0,
    ("mit-6390-rec6", "1b", "np.where(z > 0, 1, 0)"): step,
    ("mit-6390-rec6", "1b", "np.heaviside(-z, 0)"): lambda z: step(-z),
    ("mit-6390-rec6", "1b", "np.heaviside(z, 0)"): step,
    ("mit-6390-rec6", "1b", "1 if z < 0 else 0"): lambda z: 1 if z < 0 else 0,
    ("mit-6390-rec6", "1b", "0 if z < 0 else 1"): lambda z: 0 if z < 0 else 1,
    ("mit-6036-s17-hw4", "3d.update", "0.01 - 2.0809165621704553*min(eta, 20)"): lambda e: 0.01 - G * min(e, 20),
    ("mit-6036-s17-hw4", "3d.update", "max(0.01 - 2.0809165621704553*eta, -30)"): lambda e: max(0.01 - G * e, -30),
    ("mit-6036-s17-hw4", "3d.update", "0.01 - 2.0809165621704553*eta"): lambda e: 0.01 - G * e,
}

def points(positive_only=False):
    for k in range(750):
        magnitude = 10 ** (-2 + 6 * k / 749)
        if magnitude >= 0.05:
            yield magnitude
            if not positive_only:
                yield -magnitude

def label(problem, part, answer):
    reference = REFERENCES[(problem, part)]
    for x in points(positive_only=part == "3d.update"):
        try:
            expected = reference(x)
        except (OverflowError, ValueError, ZeroDivisionError):
            continue
        try:
            given = answer(x)
        except (OverflowError, ValueError, ZeroDivisionError):
            continue
        if abs(given - expected) > 1e-8 + 0.01 * abs(expected):
            return "incorrect"
    return "correct"

def main():
    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "answer-judgement-cases-3.txt")
    disagreements = checked = 0
    for line in open(corpus, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        head, answer, status = (column.strip() for column in line.split("⇶"))
        problem, part = head.split()
        text = answer.strip('"').replace("\\\\", "\\")
        if (problem, part, text) not in ANSWERS:
            continue
        checked += 1
        mine = label(problem, part, ANSWERS[(problem, part, text)])
        if mine != status:
            disagreements += 1
            print(f"DISAGREE {problem} {part} {text}: corpus says {status}, numeric check says {mine}")
    print(f"{checked} cases checked, {disagreements} disagreements")
    return 1 if disagreements else 0

if __name__ == "__main__":
    sys.exit(main())
