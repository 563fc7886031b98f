"""The linear classifier behind the category model.

Why a one-vs-rest linear SVM: on short support texts with a hundred thousand sparse
n-gram features a linear model is as accurate as anything without a neural encoder,
and predicts with one gather-and-sum. On three stratified 10% validation splits of
BANKING77's *training* file LinearSVC (C=0.5) scored 91.04% mean; SGD logistic loss
91.34% but trains four times slower; hinge / modified-Huber SGD 90.0%; C=0.3/1.0,
Crammer-Singer, class balancing, a 300-d LSA block, kNN votes or a per-view SVM
ensemble all stayed within 0.1 point. The embedding block (``classifier_encoder``)
was validated with this SVM. Only the weight matrix and bias leave this module, so
the model file needs no scikit-learn object.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.svm import LinearSVC

# Chosen on validation splits of the training data only (see module docstring).
SVM_C = 0.5


def fit_linear_scores(
    features: sparse.csr_matrix, labels: Sequence[str], *, seed: int
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Return (weights n_classes x n_features, bias n_classes, class labels)."""
    learner = LinearSVC(C=SVM_C, random_state=seed).fit(features, labels)
    classes = tuple(str(label) for label in learner.classes_)
    weights, bias = learner.coef_, learner.intercept_
    if len(classes) == 2:
        # scikit-learn keeps one row for two classes; expand to one row per class.
        weights = np.vstack([-weights[0], weights[0]]) / 2
        bias = np.array([-bias[0], bias[0]]) / 2
    return weights.astype(np.float32), bias.astype(np.float32), classes
