"""Category model: training on mixed English/Chinese mail, calibrated predictions,
safe save/load, identifier normalisation and CSV reading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bridgedesk.triage.category.encoder import encoder_available
from bridgedesk.triage.category.features import HASH_TOKEN, normalise_text
from bridgedesk.triage.category.model import CategoryModel, Prediction, read_labelled_csv

BANKING77 = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "banking77"

# Hand-written support lines, English and Chinese, several phrasings per category.
SUPPORT_LINES: dict[str, list[str]] = {
    "deposit": [
        "My USDT deposit has not arrived after two hours",
        "I sent BTC to my deposit address but the balance is still zero",
        "Deposit missing, the transaction shows confirmed on the explorer",
        "Where is my ETH deposit? It was sent yesterday",
        "deposit not credited to my account",
        "I deposited via TRC20 and nothing showed up",
        "USDT 充值 TRC20 没到账",
        "充值已经过去三个小时了还没有到账",
        "我充值的BTC一直没有到账，区块浏览器显示已确认",
        "充币没到账怎么办",
        "昨天充值的ETH到现在还没显示",
        "充值地址收到了但是账户余额没有变化",
    ],
    "withdrawal": [
        "My withdrawal is stuck in processing",
        "Withdrawal failed but the funds left my balance",
        "Why was my withdrawal rejected?",
        "I withdrew USDT to my wallet and it never arrived",
        "withdrawal pending for a whole day",
        "Cannot withdraw, the button is greyed out",
        "提现一直在处理中",
        "提币失败了但是余额被扣了",
        "为什么我的提现被拒绝",
        "提现到钱包一天了还没收到",
        "提币审核要多久",
        "无法提现，按钮是灰色的",
    ],
    "account_security": [
        "Someone logged into my account and changed my password",
        "I think my account was hacked, please freeze it",
        "I lost my 2FA device and cannot log in",
        "Unknown login from another country, help",
        "please lock my account immediately, it is compromised",
        "my google authenticator was reset without my consent",
        "我的账户被盗了，请马上冻结",
        "有人登录了我的账号并修改了密码",
        "谷歌验证器丢了，无法登录",
        "收到异地登录提醒，不是我本人",
        "账号被黑了，资产被转走",
        "请帮我锁定账户，密码泄露了",
    ],
    "kyc_aml": [
        "My identity verification was rejected",
        "KYC failed, the photo of my passport was not accepted",
        "How long does identity verification take?",
        "Why do you need proof of address?",
        "verification stuck at the selfie step",
        "my ID card was rejected during KYC",
        "实名认证被拒绝了",
        "身份验证失败，护照照片不通过",
        "KYC审核要多久",
        "为什么需要地址证明",
        "人脸识别一直失败",
        "身份证认证没有通过",
    ],
}


def flatten(lines: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    texts = [text for texts in lines.values() for text in texts]
    labels = [label for label, texts in lines.items() for _ in texts]
    return texts, labels


ENCODER_MODES = [
    pytest.param(False, id="ngrams"),
    pytest.param(
        True,
        id="ngrams+encoder",
        marks=pytest.mark.skipif(not encoder_available(), reason="optional encoder not installed"),
    ),
]


@pytest.fixture(scope="module", params=ENCODER_MODES)
def model(request: pytest.FixtureRequest) -> CategoryModel:
    """The same tests run with n-grams alone and, when installed, with the encoder."""
    texts, labels = flatten(SUPPORT_LINES)
    trained = CategoryModel.train(texts, labels, seed=0, use_encoder=request.param)
    assert trained.uses_encoder is request.param
    return trained


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deposit I sent has still not arrived in my balance", "deposit"),
        ("my withdrawal is still pending and processing", "withdrawal"),
        ("somebody hacked my account and changed the password", "account_security"),
        ("passport verification rejected again", "kyc_aml"),
        ("充值还没到账", "deposit"),
        ("提现失败，钱被扣了", "withdrawal"),
        ("账户被盗，请冻结", "account_security"),
        ("实名认证失败", "kyc_aml"),
    ],
)
def test_predicts_unseen_english_and_chinese(model: CategoryModel, text: str, expected: str) -> None:
    assert model.predict(text).category == expected


def test_prediction_shape_and_confidence(model: CategoryModel) -> None:
    prediction = model.predict("提币一直没到账 help")
    assert isinstance(prediction, Prediction)
    assert 0.0 <= prediction.confidence <= 1.0
    assert len(prediction.alternatives) == 3
    assert prediction.alternatives[0] == (prediction.category, prediction.confidence)
    probabilities = [p for _, p in prediction.alternatives]
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) <= 1.0 + 1e-6
    assert set(model.labels) == set(SUPPORT_LINES)


def test_probabilities_sum_to_one(model: CategoryModel) -> None:
    rows = model.predict_proba(["hello", "充值", "2FA lost"])
    assert rows.shape == (3, len(model.labels))
    assert np.allclose(rows.sum(axis=1), 1.0, atol=1e-5)


def test_predict_many_matches_predict(model: CategoryModel) -> None:
    texts = ["withdrawal rejected", "人脸识别失败", "random words"]
    assert model.predict_many(texts) == [model.predict(t) for t in texts]
    assert model.predict_many([]) == []


def test_calibration_is_reported(model: CategoryModel) -> None:
    report = model.calibration
    assert report is not None
    assert report.holdout_size >= len(SUPPORT_LINES)
    assert 0.0 <= report.ece_calibrated <= 1.0
    assert report.temperature == model.temperature > 0


def test_save_load_round_trip_is_identical(model: CategoryModel, tmp_path: Path) -> None:
    path = tmp_path / "category.npz"
    model.save(path)
    loaded = CategoryModel.load(path)
    texts = ["USDT 充值 没到账", "I cannot log in, 2FA lost", "verification rejected", ""]
    assert loaded.labels == model.labels
    assert loaded.predict_many(texts) == model.predict_many(texts)
    assert np.array_equal(loaded.predict_proba(texts), model.predict_proba(texts))
    assert loaded.calibration == model.calibration
    assert loaded.uses_encoder == model.uses_encoder


def test_load_refuses_a_file_that_is_not_a_model(tmp_path: Path) -> None:
    path = tmp_path / "bogus.npz"
    np.savez(path, header=np.frombuffer(b'{"format": 99}', dtype=np.uint8))
    with pytest.raises(ValueError, match="unsupported model format"):
        CategoryModel.load(path)


def test_training_needs_two_categories_and_matching_lengths() -> None:
    with pytest.raises(ValueError, match="two distinct"):
        CategoryModel.train(["a", "b"], ["x", "x"])
    with pytest.raises(ValueError, match="labels"):
        CategoryModel.train(["a", "b"], ["x"])


def test_single_example_category_trains_without_calibration() -> None:
    texts, labels = flatten(SUPPORT_LINES)
    trained = CategoryModel.train(
        [*texts, "API error 50111"], [*labels, "api"], use_encoder=False
    )
    assert trained.calibration is None
    assert trained.temperature == 1.0
    assert "api" in trained.labels


def test_identifiers_become_placeholders() -> None:
    tx = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
    text = normalise_text(f"充值没到账 TxID {tx} 地址 TJYeasTPa6gpEEfYqE5Fq8Yx7ymC3ZnyNk 100 USDT")
    assert tx.lower() not in text and "tjyeastpa6gpeefyqe5fq8yx7ymc3zynk" not in text
    assert HASH_TOKEN in text and "zzaddr" in text and "zzcoin" in text and "zznum" in text


def test_identifiers_glued_to_chinese_are_replaced() -> None:
    tx = "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
    text = normalise_text(f"哈希{tx}充值USDT没到账，邮箱a.b@example.com")
    assert text.split() == ["哈希", HASH_TOKEN, "充值", "zzcoin", "没到账,邮箱", "zzemail"]


def test_a_hash_does_not_change_the_prediction(model: CategoryModel) -> None:
    first = model.predict("deposit missing, hash " + "ab" * 32)
    second = model.predict("deposit missing, hash " + "cd" * 32)
    assert first == second


def test_read_banking77_csv() -> None:
    texts, labels = read_labelled_csv(BANKING77 / "test.csv")
    assert len(texts) == len(labels) == 3080
    assert len(set(labels)) == 77
    assert texts[0] and labels[0]


def test_read_csv_accepts_bom_and_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "seed.csv"
    path.write_text("\ufeffid,text,category\n1,充值没到账,deposit\n2,\"hi, help\",other\n", "utf-8")
    assert read_labelled_csv(path) == (["充值没到账", "hi, help"], ["deposit", "other"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty file"),
        ("text,label\nhello,x\n", "no 'category' column"),
        ("text,category\nhello,deposit\n,withdrawal\n", "line 3: column 'text' is empty"),
        ("text,category\nhello,\n", "line 2: column 'category' is empty"),
        ("text,category\nhello,deposit,extra\n", "line 2: expected 2 columns, got 3"),
        ("text,category\n", "no data rows"),
    ],
)
def test_read_csv_errors_name_line_and_column(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=message):
        read_labelled_csv(path)


def test_read_csv_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("text,category\n充值没到账,deposit\n".encode("gbk"))
    with pytest.raises(ValueError, match="not UTF-8"):
        read_labelled_csv(path)
