"""Questions on two fictional reports written by a probe that had not read the bot's rules (tests/lookalike/
unseen): each test is a kind of question that went wrong on them, asked through the chain."""

from __future__ import annotations

import pytest

from bot.answer.chain import Answerer


def _ask(library, question: str):
    return Answerer(library, "extractive").ask(question)


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        ("江门和南海2024年复议申请哪个多？多多少？", "江门市比南海区多218件", "214件"),
        ("江门市和惠阳区收到的行政复议申请分别是多少", "1342件", "214件"),
    ],
)
def test_a_county_named_in_the_citys_report_is_not_the_city_in_a_comparison(wider, question, said, not_said):
    """ "其中，台山市收到行政复议申请214件" is a county's part of 江门's 1342件: compared as 江门's, it made 南海
    the larger."""
    answer = _ask(wider, question).answer
    assert said in answer and not_said not in answer, answer

