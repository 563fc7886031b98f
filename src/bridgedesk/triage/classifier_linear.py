"""The linear classifier behind the category model.

Why a one-vs-rest linear SVM: on short support texts with hundreds of thousands of
sparse n-gram features it is as accurate as anything without a neural encoder,
trains in seconds and predicts with one sparse-dense product. Only the weight matrix
and bias leave this module, so the model file needs no scikit-learn object.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.svm import LinearSVC

SVM_C = 0.5


def fit_linear_scores(
    features: sparse.csr_matrix, labels: Sequence[str], *, seed: int
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Return (weights n_classes x n_features, bias n_classes, class labels)."""
    svm = LinearSVC(C=SVM_C, random_state=seed).fit(features, labels)
    classes = tuple(str(label) for label in svm.classes_)
    weights, bias = svm.coef_, svm.intercept_
    if len(classes) == 2:
        # scikit-learn keeps one row for two classes; expand to one row per class.
        weights = np.vstack([-weights[0], weights[0]]) / 2
        bias = np.array([-bias[0], bias[0]]) / 2
    return weights.astype(np.float32), bias.astype(np.float32), classes
