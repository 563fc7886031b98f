"""The trainable category model: n-gram TF-IDF features, a linear classifier and a
temperature-calibrated softmax on top.

Why this shape: it trains in seconds on a laptop core, predicts in well under a
millisecond, needs no deep-learning framework, and handles Chinese as well as
English through character n-grams (see ``features``). Confidence must mean what it
says (a ticket below the threshold goes to "needs triage"), so the raw margins are
turned into probabilities by a temperature fitted on a held-out split of the
training data, never on a test set.

Saved models are a ``.npz`` archive of plain arrays plus a JSON header; loading
never unpickles anything, so a model file cannot execute code.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from bridgedesk.triage.classifier_calibration import (
    CalibrationReport,
    fit_temperature,
    measure_calibration,
    softmax,
)
from bridgedesk.triage.classifier_linear import fit_linear_scores
from bridgedesk.triage.features import (
    FeatureBlock,
    FeatureSpace,
    fit_feature_space,
    normalise_text,
)

FORMAT_VERSION = 1
TOP_K = 3
HOLDOUT_FRACTION = 0.1


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
        weights: np.ndarray,
        bias: np.ndarray,
        temperature: float,
        calibration: CalibrationReport | None,
    ) -> None:
        self.labels = labels
        self._space = space
        # Stored feature-major so one message's score is a gather of a few rows.
        self._weights_by_feature = np.ascontiguousarray(np.asarray(weights).T, dtype=np.float32)
        self._bias = np.asarray(bias, dtype=np.float32)
        self.temperature = float(temperature)
        self.calibration = calibration

    @classmethod
    def train(
        cls, texts: Sequence[str], labels: Sequence[str], *, seed: int = 0
    ) -> CategoryModel:
        """Fit on all data; the temperature comes from a held-out split fitted first."""
        check_training_data(texts, labels)
        normalised = [normalise_text(text) for text in texts]
        temperature, report = calibrate_on_holdout(normalised, list(labels), seed=seed)
        space, weights, bias, classes = fit_parts(normalised, list(labels), seed=seed)
        return cls(classes, space, weights, bias, temperature, report)

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
            "calibration": asdict(self.calibration) if self.calibration else None,
            "blocks": blocks,
        }
        arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
        with Path(path).open("wb") as handle:
            np.savez_compressed(handle, **arrays)

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
        report = header["calibration"]
        return cls(
            tuple(header["labels"]),
            FeatureSpace(blocks),
            weights,
            bias,
            header["temperature"],
            CalibrationReport(**report) if report else None,
        )

    def _score_one(self, normalised: str) -> np.ndarray:
        """Raw linear margins of one normalised text (before calibration)."""
        columns, values = self._space.vectorise(normalised)
        return values.astype(np.float32) @ self._weights_by_feature[columns] + self._bias

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


def fit_parts(
    texts: list[str], labels: list[str], *, seed: int
) -> tuple[FeatureSpace, np.ndarray, np.ndarray, tuple[str, ...]]:
    """Fit the feature space and the linear classifier on already-normalised texts."""
    space, features = fit_feature_space(texts)
    weights, bias, classes = fit_linear_scores(features, labels, seed=seed)
    return space, weights, bias, classes


def calibrate_on_holdout(
    texts: list[str], labels: list[str], *, seed: int
) -> tuple[float, CalibrationReport | None]:
    """Fit the softmax temperature on a stratified held-out split of the training data.

    With a category seen only once there is no honest split; the temperature then
    stays 1.0 and the report is ``None`` so callers can see calibration was skipped.
    """
    split = split_holdout(labels, seed=seed)
    if split is None:
        return 1.0, None
    fit_idx, hold_idx = split
    space, weights, bias, classes = fit_parts(
        [texts[i] for i in fit_idx], [labels[i] for i in fit_idx], seed=seed
    )
    held = space.transform([texts[i] for i in hold_idx])
    scores = np.asarray(held @ weights.T) + bias
    index = {label: i for i, label in enumerate(classes)}
    truth = np.array([index[labels[i]] for i in hold_idx])
    temperature = fit_temperature(scores, truth)
    return temperature, measure_calibration(scores, truth, temperature)


def split_holdout(labels: list[str], *, seed: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Stratified indices (fit, held-out): about 10%, at least one per category."""
    values, counts = np.unique(labels, return_counts=True)
    if counts.min() < 2:
        return None
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


def read_labelled_csv(path: Path) -> tuple[list[str], list[str]]:
    """Read a ``text,category`` CSV (BANKING77's layout); extra columns are ignored.

    Errors name the file, the line and the column so a person can fix the data.
    """
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as handle:
            return parse_labelled_rows(csv.reader(handle), path)
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from error


def parse_labelled_rows(rows, path: Path) -> tuple[list[str], list[str]]:
    """Validate the header and each row; see ``read_labelled_csv``."""
    header = next(rows, None)
    if header is None:
        raise ValueError(f"{path}: empty file, expected a header 'text,category'")
    columns = [name.strip().lower() for name in header]
    for needed in ("text", "category"):
        if needed not in columns:
            raise ValueError(f"{path}: header has no '{needed}' column (found {header!r})")
    text_col, label_col = columns.index("text"), columns.index("category")
    texts: list[str] = []
    labels: list[str] = []
    for row in rows:
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            raise ValueError(f"{path}: line {line}: expected {len(columns)} columns, got {len(row)}")
        text, label = row[text_col].strip(), row[label_col].strip()
        if not text:
            raise ValueError(f"{path}: line {line}: column 'text' is empty")
        if not label:
            raise ValueError(f"{path}: line {line}: column 'category' is empty")
        texts.append(text)
        labels.append(label)
    if not texts:
        raise ValueError(f"{path}: no data rows after the header")
    return texts, labels
