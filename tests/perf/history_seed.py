"""A company's history for search benchmarks: generations of about 300 characters in
Chinese and English, most of them naming the company's own brand or product, the way a
marketing team's history reads (issue 12). Deterministic for a given seed."""

from __future__ import annotations

import random

import sqlite_utils

ZH_WORDS = (
    "品牌 產品 行銷 活動 客戶 優惠 新品 上市 限時 折扣 會員 服務 品質 設計 創新 科技 永續 環保 "
    "健康 生活 家庭 旅遊 美食 咖啡 茶飲 手機 電腦 智慧 雲端 資料 安全 隱私 團隊 夥伴 合作 成長 "
    "市場 策略 社群 貼文 廣告 文案 標題 內容 影片 圖片 顧客 體驗 我們 的 是 在 與 和 為 讓 您 "
    "更 好 新 每 一天 今年 夏季 冬季 春節 中秋 週年 慶祝"
).split()
EN_WORDS = (
    "brand product launch campaign customer offer new limited discount member service quality "
    "design innovation technology sustainable green health life family travel coffee tea phone "
    "laptop smart cloud data secure privacy team partner growth market strategy social post ad "
    "copy headline content video image experience the and for with our your to of in is a on "
    "this today summer winter anniversary"
).split()
COMPANY_WORDS = ("品牌", "Airlock", "星河咖啡", "StarRiver")
"""The words most rows contain: the brand in both languages and a product name."""


def generation_text(rng: random.Random, length: int = 300) -> tuple[str, str]:
    """One (prompt, output) pair, about ``length`` characters together."""
    chinese = rng.random() < 0.6
    parts: list[str] = []
    size = 0
    if rng.random() < 0.85:
        parts.append(rng.choice(COMPANY_WORDS))
        size += 4
    while size < length:
        if rng.random() < (0.85 if chinese else 0.15):
            word = rng.choice(ZH_WORDS)
        else:
            word = f" {rng.choice(EN_WORDS)} "
        parts.append(word)
        size += len(word)
        if rng.random() < 0.05:
            parts.append(rng.choice(COMPANY_WORDS))
            size += 4
        if rng.random() < 0.08:
            parts.append("，" if chinese else ". ")
            size += 1
    text = "".join(parts)
    cut = rng.randint(40, 120)
    return text[:cut], text[cut:]


def seed_history(db: sqlite_utils.Database, rows: int, *, seed: int = 12, batch: int = 5000) -> None:
    """Insert ``rows`` text generations through the real schema (the search triggers index
    them exactly as History.add's rows are indexed), oldest first, in a few transactions."""
    rng = random.Random(seed)
    models = ("qwen2.5-7b", "gemma-3-4b", "smollm2-135m")
    for start in range(0, rows, batch):
        values = []
        for i in range(start, min(rows, start + batch)):
            prompt, output = generation_text(rng)
            day = 1 + i * 365 // max(rows, 1)
            values.append((prompt, output, models[i % 3], f"2026-{1 + (day - 1) // 31 % 12:02d}-"
                           f"{1 + (day - 1) % 28:02d}T09:00:00.000Z"))
        with db.atomic():
            db.conn.executemany(
                "insert into generations (kind, prompt, output, model, created_at) "
                "values ('text', ?, ?, ?, ?)", values)
